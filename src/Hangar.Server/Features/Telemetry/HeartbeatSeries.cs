using Hangar.Contracts.Telemetry;

namespace Hangar.Server.Features.Telemetry;

/// <summary>
/// A heartbeat's numbers as series, so health rules and charts read them like any metric: <c>heartbeat.load1</c>,
/// <c>heartbeat.disk_available_bytes{mount="/data"}</c>, <c>heartbeat.temperature_celsius{zone="cpu"}</c>…
/// </summary>
internal static class HeartbeatSeries
{
    public static IEnumerable<(string Name, IReadOnlyDictionary<string, string>? Labels, string? Unit, double Value)> Of(HeartbeatRequest heartbeat)
    {
        if (heartbeat.UptimeSeconds is { } uptime)
        {
            yield return ("heartbeat.uptime_seconds", null, "s", uptime);
        }

        if (heartbeat.Load1 is { } load1)
        {
            yield return ("heartbeat.load1", null, null, load1);
        }

        if (heartbeat.Load5 is { } load5)
        {
            yield return ("heartbeat.load5", null, null, load5);
        }

        if (heartbeat.Load15 is { } load15)
        {
            yield return ("heartbeat.load15", null, null, load15);
        }

        if (heartbeat.MemoryTotalBytes is { } total)
        {
            yield return ("heartbeat.memory_total_bytes", null, "By", total);
        }

        if (heartbeat.MemoryAvailableBytes is { } available)
        {
            yield return ("heartbeat.memory_available_bytes", null, "By", available);
        }

        // Derived for health rules ("memory above 90 %" for any device size): a percentage is what operators watch.
        if (heartbeat is { MemoryTotalBytes: > 0, MemoryAvailableBytes: { } free })
        {
            yield return ("heartbeat.memory_used_percent", null, "%", UsedPercent(heartbeat.MemoryTotalBytes.Value, free));
        }

        foreach (var disk in heartbeat.Disks ?? [])
        {
            var labels = new Dictionary<string, string> { ["mount"] = disk.Mount };
            yield return ("heartbeat.disk_total_bytes", labels, "By", disk.TotalBytes);
            yield return ("heartbeat.disk_available_bytes", labels, "By", disk.AvailableBytes);
            if (disk.TotalBytes > 0)
            {
                yield return ("heartbeat.disk_used_percent", labels, "%", UsedPercent(disk.TotalBytes, disk.AvailableBytes));
            }
        }

        foreach (var zone in heartbeat.Temperatures ?? [])
        {
            yield return ("heartbeat.temperature_celsius", new Dictionary<string, string> { ["zone"] = zone.Zone }, "Cel", zone.Celsius);
        }

        foreach (var network in heartbeat.Networks ?? [])
        {
            var labels = new Dictionary<string, string> { ["interface"] = network.Interface };
            yield return ("heartbeat.network_received_bytes", labels, "By", network.ReceivedBytes);
            yield return ("heartbeat.network_transmitted_bytes", labels, "By", network.TransmittedBytes);
        }
    }

    private static double UsedPercent(double total, double available) => Math.Round(100 * (total - available) / total, 2);
}
