namespace Hangar.Cli;

/// <summary>
/// Reading the files a command is given and writing the files it makes. Writes are atomic (a temporary file renamed
/// into place) and never replace an existing file unless forced, so a typo cannot destroy a CA key.
/// </summary>
internal static class LocalFiles
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static string ReadText(string path, string option)
    {
        if (!File.Exists(path))
        {
            throw new CommandException(ExitCodes.UsageError, $"{option}: the file '{path}' does not exist.");
        }

        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CommandException(ExitCodes.UsageError, $"{option}: the file '{path}' cannot be read: {exception.Message}");
        }
    }

    /// <summary>
    /// Writes every file, or none when one already exists and <paramref name="force"/> is off. Each file appears
    /// whole or not at all: a secret is created owner-only from its first byte, then renamed over its final name.
    /// </summary>
    public static void WriteAll(IReadOnlyList<LocalFile> files, bool force)
    {
        if (!force && files.Where(f => File.Exists(f.Path)).Select(f => f.Path).ToList() is { Count: > 0 } existing)
        {
            throw new CommandException(ExitCodes.Conflict,
                $"{string.Join(", ", existing)} already exist{(existing.Count == 1 ? "s" : "")}; nothing was written. Pass --force to replace.");
        }

        foreach (var file in files)
        {
            Write(file, force);
        }
    }

    private static void Write(LocalFile file, bool force)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(file.Path))!;
        Directory.CreateDirectory(directory);
        // A fresh name each time, so CreateNew (and with it the owner-only mode) always applies.
        var temporary = Path.Combine(directory, $".{Path.GetFileName(file.Path)}.{Path.GetRandomFileName()}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, CreateOptions(file.Secret)))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(file.Contents);
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, file.Path, overwrite: force);
        }
        catch (IOException) when (!force && File.Exists(file.Path))
        {
            throw new CommandException(ExitCodes.Conflict, $"{file.Path} was created by someone else meanwhile; it was not replaced.");
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static FileStreamOptions CreateOptions(bool secret)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (secret && !OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        return options;
    }
}
