using Hangar.Storage;

namespace Hangar.Agent.State;

/// <summary>
/// Replaces a file so that after a power loss at any point the path holds either the old or the new content, and a
/// copy of the previous content survives next to it as <c>.prev</c>: write <c>.tmp</c>, fsync it, move the current
/// file to <c>.prev</c>, rename <c>.tmp</c> into place, fsync the directory. Between the two renames the path is
/// briefly absent; readers then take the complete <c>.tmp</c> (see <see cref="StateStore"/>).
/// </summary>
public static class AtomicFile
{
    public static string TemporaryPath(string path) => path + ".tmp";

    public static string PreviousPath(string path) => path + ".prev";

    /// <param name="beforeStep">Called before each step with the target path; tests throw from it to stop the write there, like a power loss.</param>
    public static void Write(string path, ReadOnlySpan<byte> content, Action<AtomicWriteStep, string>? beforeStep = null)
    {
        beforeStep?.Invoke(AtomicWriteStep.WriteTemporary, path);
        using (var stream = new FileStream(TemporaryPath(path), FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(content);
            beforeStep?.Invoke(AtomicWriteStep.FlushTemporary, path);
            stream.Flush(flushToDisk: true);
        }

        Commit(path, beforeStep);
    }

    /// <summary>The same for content too large to hold in memory.</summary>
    public static async Task WriteAsync(string path, Stream content, Action<AtomicWriteStep, string>? beforeStep, CancellationToken cancellationToken)
    {
        beforeStep?.Invoke(AtomicWriteStep.WriteTemporary, path);
        await using (var stream = new FileStream(TemporaryPath(path), FileMode.Create, FileAccess.Write, FileShare.None))
        {
            await content.CopyToAsync(stream, cancellationToken);
            beforeStep?.Invoke(AtomicWriteStep.FlushTemporary, path);
            stream.Flush(flushToDisk: true);
        }

        Commit(path, beforeStep);
    }

    private static void Commit(string path, Action<AtomicWriteStep, string>? beforeStep)
    {
        beforeStep?.Invoke(AtomicWriteStep.KeepPrevious, path);
        if (File.Exists(path))
        {
            File.Move(path, PreviousPath(path), overwrite: true);
        }

        beforeStep?.Invoke(AtomicWriteStep.RenameIntoPlace, path);
        File.Move(TemporaryPath(path), path, overwrite: true);

        beforeStep?.Invoke(AtomicWriteStep.FlushDirectory, path);
        FileSync.FlushDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
    }
}
