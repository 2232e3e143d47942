namespace Hangar.Data.Telemetry;

/// <summary>
/// One series of a device: a metric name and a label set (<see cref="Labels"/>: the labels as canonical JSON, keys
/// sorted; empty for none). Points refer to it by <see cref="Id"/>, so a point row is three numbers.
/// </summary>
public sealed class TelemetrySeries : IOrganizationOwned
{
    public long Id { get; init; }
    public required Guid OrganizationId { get; init; }
    public required Guid DeviceId { get; init; }
    public required string Name { get; init; }
    public required string Labels { get; init; }
    public string? Unit { get; init; }
    public required DateTime CreatedAt { get; init; }
}
