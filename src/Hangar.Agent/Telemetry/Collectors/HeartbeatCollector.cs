using System.Reflection;
using Hangar.Agent.Configuration;
using Hangar.Contracts.Telemetry;

namespace Hangar.Agent.Telemetry.Collectors;

/// <summary>One heartbeat from the collectors, each reading its own file of <c>telemetry.system_root</c>.</summary>
internal sealed class HeartbeatCollector(TelemetryConfig config)
{
    /// <summary>The agent's version as the build stamped it ("1.4.0+commit" shortened to "1.4.0").</summary>
    public static string? AgentVersion { get; } = typeof(HeartbeatCollector).Assembly
        .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] is { Length: > 0 and <= 64 } version ? version : null;

    public HeartbeatRequest Collect(DateTime now)
    {
        var root = config.SystemRoot;
        var load = LoadCollector.Read(root);
        var (memoryTotal, memoryAvailable) = MemoryCollector.Read(root);
        return new HeartbeatRequest(
            now,
            UptimeCollector.Read(root),
            load?.One,
            load?.Five,
            load?.Fifteen,
            memoryTotal,
            memoryAvailable,
            DiskCollector.Read(root, config.Mounts),
            TemperatureCollector.Read(root),
            NetworkCollector.Read(root),
            AgentVersion,
            BootIdCollector.Read(root));
    }

    /// <summary>How many points the server makes of a heartbeat (its numbers as <c>heartbeat.*</c> series).</summary>
    public static int Points(HeartbeatRequest heartbeat) =>
        (heartbeat.UptimeSeconds is null ? 0 : 1) + (heartbeat.Load1 is null ? 0 : 1) + (heartbeat.Load5 is null ? 0 : 1)
        + (heartbeat.Load15 is null ? 0 : 1) + (heartbeat.MemoryTotalBytes is null ? 0 : 1) + (heartbeat.MemoryAvailableBytes is null ? 0 : 1)
        + (2 * (heartbeat.Disks?.Count ?? 0)) + (heartbeat.Temperatures?.Count ?? 0) + (2 * (heartbeat.Networks?.Count ?? 0));
}
