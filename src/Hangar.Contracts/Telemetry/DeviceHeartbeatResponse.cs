namespace Hangar.Contracts.Telemetry;

/// <summary>The latest heartbeat a device sent, as it sent it, and when the server received it.</summary>
public sealed record DeviceHeartbeatResponse(Guid DeviceId, DateTime ReceivedAt, HeartbeatRequest Heartbeat);
