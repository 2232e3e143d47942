using System.Globalization;

namespace Hangar.Agent.Telemetry.Collectors;

/// <summary>Total and available memory in bytes, from <c>/proc/meminfo</c>'s <c>MemTotal</c> and <c>MemAvailable</c> (in kB).</summary>
internal static class MemoryCollector
{
    public static (long? TotalBytes, long? AvailableBytes) Read(string root)
    {
        long? total = null, available = null;
        foreach (var line in (SystemFiles.Read(root, "proc/meminfo") ?? "").Split('\n'))
        {
            if (line.Split([':', ' '], StringSplitOptions.RemoveEmptyEntries) is not [var key, var amount, "kB"]
                || !long.TryParse(amount, NumberStyles.None, CultureInfo.InvariantCulture, out var kilobytes))
            {
                continue;
            }

            if (key == "MemTotal")
            {
                total = kilobytes * 1024;
            }
            else if (key == "MemAvailable")
            {
                available = kilobytes * 1024;
            }
        }

        return (total, available);
    }
}
