namespace Hangar.Data.Telemetry;

/// <summary>A device's latest heartbeat on its way to <see cref="ITelemetryStatements.WriteAsync"/>.</summary>
public sealed record HeartbeatRow(Guid DeviceId, Guid OrganizationId, DateTime Time, string Document);
