using Hangar.Contracts.Telemetry;

namespace Hangar.Agent.Telemetry.Collectors;

/// <summary>Size and free space (statvfs, through <see cref="DriveInfo"/>) of each configured mount point that exists.</summary>
internal static class DiskCollector
{
    public static List<HeartbeatDisk> Read(string root, IReadOnlyList<string> mounts)
    {
        var disks = new List<HeartbeatDisk>();
        foreach (var mount in mounts)
        {
            var path = Path.Join(root, mount);
            if (!Directory.Exists(path))
            {
                continue;
            }

            try
            {
                var drive = new DriveInfo(path);
                disks.Add(new HeartbeatDisk(mount, drive.TotalSize, drive.AvailableFreeSpace));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException)
            {
                // Unmounted or unreadable: left out of this heartbeat.
            }
        }

        return disks;
    }
}
