namespace Hangar.Contracts.Telemetry;

/// <summary>
/// What the agent reports about the device every heartbeat interval. Every field but <see cref="Time"/> is optional:
/// a device reports what it can measure. The server keeps the latest heartbeat per device and stores its numbers as
/// <c>heartbeat.*</c> series.
/// </summary>
public sealed record HeartbeatRequest(
    DateTime Time,
    long? UptimeSeconds = null,
    double? Load1 = null,
    double? Load5 = null,
    double? Load15 = null,
    long? MemoryTotalBytes = null,
    long? MemoryAvailableBytes = null,
    IReadOnlyList<HeartbeatDisk>? Disks = null,
    IReadOnlyList<HeartbeatTemperature>? Temperatures = null,
    IReadOnlyList<HeartbeatNetwork>? Networks = null,
    string? AgentVersion = null,
    string? BootId = null);
