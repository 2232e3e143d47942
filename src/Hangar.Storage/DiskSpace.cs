namespace Hangar.Storage;

/// <summary>
/// The free space under the store's root, and what the last write refused for lack of space needed, so health stays
/// degraded until that much is free again (an operator freed space, or a smaller write fitted).
/// </summary>
internal sealed class DiskSpace(string root, long minFreeBytes)
{
    private long _needed;

    /// <summary>Bytes an unprivileged writer may still use on the file system that holds the root (statvfs on Unix).</summary>
    public long Available => new DriveInfo(root).AvailableFreeSpace;

    /// <summary>Whether <paramref name="bytes"/> fit with the headroom kept; a refusal is remembered for health.</summary>
    public bool Reserve(long bytes)
    {
        var needed = bytes + minFreeBytes;
        if (Available >= needed)
        {
            return true;
        }

        Refused(bytes);
        return false;
    }

    /// <summary>A write of <paramref name="bytes"/> failed because the disk filled up.</summary>
    public void Refused(long bytes) => Interlocked.Exchange(ref _needed, bytes + minFreeBytes);

    public BlobStoreHealth Check()
    {
        var needed = Math.Max(minFreeBytes, Interlocked.Read(ref _needed));
        if (Available >= needed)
        {
            Interlocked.Exchange(ref _needed, 0);
            return BlobStoreHealth.Ok;
        }

        return BlobStoreHealth.InsufficientStorage;
    }
}
