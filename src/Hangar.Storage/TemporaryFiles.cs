using System.Security.Cryptography;

namespace Hangar.Storage;

/// <summary>
/// The store's <c>tmp/</c> directory. Each file is named after the host and process that write it
/// (<c>host.pid.random.tmp</c>, for whoever looks at the directory) and held with an exclusive <c>flock</c> from its
/// creation until it is renamed into place or deleted (FileShare.None). A file nobody holds is therefore a leftover of a
/// crashed write, whatever its age, and a starting server removes it at once, on one node or on several sharing the
/// directory (the lock is the file system's: local, or NFSv4's). Objects being deleted are renamed here first and
/// deleted at once; what a crash left of them goes by age only.
/// </summary>
internal sealed class TemporaryFiles(string directory)
{
    private readonly string _prefix = $"{HostName()}.{Environment.ProcessId}.";

    public string Directory { get; } = directory;

    private const string WriteSuffix = ".tmp";

    /// <summary>A path for a file this process writes (and holds locked while it does).</summary>
    public string NewWritePath() => NewPath(WriteSuffix);

    /// <summary>A path to move an object to while it is deleted; nothing holds it, so a leftover goes by age.</summary>
    public string NewDeletionPath() => NewPath(".deleting");

    private string NewPath(string suffix) => Path.Combine(Directory, _prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + suffix);

    /// <summary>Removes written files no writer holds, and anything else untouched since <paramref name="since"/>; returns how many.</summary>
    public int RemoveStale(DateTimeOffset since)
    {
        var removed = 0;
        foreach (var entry in new DirectoryInfo(Directory).EnumerateFileSystemInfos())
        {
            var stale = entry is FileInfo file && file.Name.EndsWith(WriteSuffix, StringComparison.Ordinal) && FileLocksWork ? TryRemoveUnheld(file) : RemoveIfOlder(entry, since);
            removed += stale ? 1 : 0;
        }

        return removed;
    }

    /// <summary>Removes the written files no writer holds (a starting store's sweep); returns how many.</summary>
    public int RemoveUnheld() =>
        FileLocksWork ? new DirectoryInfo(Directory).EnumerateFiles("*" + WriteSuffix).Count(TryRemoveUnheld) : 0;

    private static bool TryRemoveUnheld(FileInfo file)
    {
        try
        {
            // Taking the lock proves no writer holds the file; it is deleted while still held, so no writer can take it up.
            using var held = new FileStream(file.FullName, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            file.Delete();
            return true;
        }
        catch (IOException)
        {
            // Held by a live writer, or already gone.
            return false;
        }
    }

    private static bool RemoveIfOlder(FileSystemInfo entry, DateTimeOffset since)
    {
        // Without locks, a write in progress is told apart by its age: it touches its file with every buffer it writes.
        if (entry.LastWriteTimeUtc >= since.UtcDateTime)
        {
            return false;
        }

        StoredObjects.DeleteTree(entry.FullName);
        return true;
    }

    /// <summary>.NET's <c>flock</c> on FileShare.None can be switched off for a process; then only age tells.</summary>
    private static bool FileLocksWork =>
        !(AppContext.TryGetSwitch("System.IO.DisableFileLocking", out var disabled) && disabled)
        && Environment.GetEnvironmentVariable("DOTNET_SYSTEM_IO_DISABLEFILELOCKING") is not ("1" or "true");

    private static string HostName()
    {
        var name = Environment.MachineName;
        return BlobNames.IsUploadId(name.ToLowerInvariant()) ? name.ToLowerInvariant() : "host";
    }
}
