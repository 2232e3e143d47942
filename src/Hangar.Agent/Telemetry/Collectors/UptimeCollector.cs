using System.Globalization;

namespace Hangar.Agent.Telemetry.Collectors;

/// <summary>Seconds since boot: the first number of <c>/proc/uptime</c> ("350735.47 234388.90").</summary>
internal static class UptimeCollector
{
    public static long? Read(string root) =>
        SystemFiles.Read(root, "proc/uptime")?.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var seconds, ..]
        && double.TryParse(seconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? (long)value
            : null;
}
