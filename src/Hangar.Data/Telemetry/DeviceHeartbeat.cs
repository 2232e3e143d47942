namespace Hangar.Data.Telemetry;

/// <summary>The latest heartbeat of a device, as the device sent it (<see cref="Document"/>: its JSON).</summary>
public sealed class DeviceHeartbeat : IOrganizationOwned
{
    public required Guid DeviceId { get; init; }
    public required Guid OrganizationId { get; init; }
    public required DateTime Time { get; set; }
    public required DateTime ReceivedAt { get; set; }
    public required string Document { get; set; }
}
