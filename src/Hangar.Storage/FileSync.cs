using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Hangar.Storage;

/// <summary>
/// What .NET's file API lacks for durable writes. fsync for directories, which .NET cannot open as files: a rename
/// (or a new entry) is only durable once its directory is, so without it power loss right after an upload can bring the
/// directory back without the object in it; and for files by name, without opening them for writing. And starting
/// writeback early, so a large file's final fsync has little left to wait for.
/// </summary>
public static partial class FileSync
{
    private const uint SyncFileRangeWrite = 2;

    public static void FlushDirectory(string directory) => Flush(directory, "directory");

    /// <summary>fsync of a file that is only read here (staged parts becoming an object).</summary>
    public static void FlushFile(string path)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            file.Flush(flushToDisk: true);
            return;
        }

        Flush(path, "file");
    }

    /// <summary>Creates <paramref name="directory"/> if needed, making its new entry in the parent durable too.</summary>
    public static void CreateDirectory(string directory)
    {
        if (Directory.Exists(directory))
        {
            return;
        }

        Directory.CreateDirectory(directory);
        FlushDirectory(Path.GetDirectoryName(directory)!);
    }

    /// <summary>
    /// Asks the kernel to start writing the given range to disk without waiting (Linux <c>sync_file_range</c>), so the
    /// disk works while the writer goes on; durability still comes from the fsync at the end. Elsewhere a no-op.
    /// </summary>
    public static void StartWriteback(SafeFileHandle file, long offset, long count)
    {
        if (OperatingSystem.IsLinux())
        {
            _ = SyncFileRange((int)file.DangerousGetHandle(), offset, count, SyncFileRangeWrite);
        }
    }

    private static void Flush(string path, string kind)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return;
        }

        var fd = Open(path, 0 /* O_RDONLY */);
        if (fd < 0)
        {
            throw new IOException($"cannot open {kind} {path} to flush it (errno {Marshal.GetLastPInvokeError()})");
        }

        try
        {
            if (Fsync(fd) != 0)
            {
                throw new IOException($"fsync of {kind} {path} failed (errno {Marshal.GetLastPInvokeError()})");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "sync_file_range", SetLastError = true)]
    private static partial int SyncFileRange(int fd, long offset, long count, uint flags);
}
