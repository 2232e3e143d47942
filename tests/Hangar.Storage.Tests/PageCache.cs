using System.IO.MemoryMappedFiles;
using System.Runtime.InteropServices;

namespace Hangar.Storage.Tests;

/// <summary>How many of a file's pages the kernel holds in its page cache (Linux <c>mincore</c> over a mapping, which reads nothing).</summary>
internal static partial class PageCache
{
    public static unsafe int ResidentPages(string path)
    {
        var length = new FileInfo(path).Length;
        using var mapping = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        using var view = mapping.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
        var pageBytes = Environment.SystemPageSize;
        var pages = (int)((length + pageBytes - 1) / pageBytes);
        var resident = new byte[pages];
        byte* start = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
        try
        {
            if (Mincore(start + view.PointerOffset, (nuint)length, resident) != 0)
            {
                throw new IOException($"mincore failed (errno {Marshal.GetLastPInvokeError()})");
            }
        }
        finally
        {
            view.SafeMemoryMappedViewHandle.ReleasePointer();
        }

        return resident.Count(page => (page & 1) != 0);
    }

    /// <summary>Whether files under <paramref name="directory"/> can bypass the page cache (not tmpfs, which is the page cache).</summary>
    public static bool CanBypass(string directory) =>
        OperatingSystem.IsLinux() && !string.Equals(new DriveInfo(directory).DriveFormat, "tmpfs", StringComparison.Ordinal);

    [LibraryImport("libc", EntryPoint = "mincore", SetLastError = true)]
    private static unsafe partial int Mincore(byte* address, nuint length, byte[] vector);
}
