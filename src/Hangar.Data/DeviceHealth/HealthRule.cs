namespace Hangar.Data.DeviceHealth;

/// <summary>
/// A product's rule for when a device is unhealthy: a metric's aggregate over a window crossing a threshold
/// (<see cref="HealthRuleKinds.Threshold"/>), or silence for a window (<see cref="HealthRuleKinds.Absence"/>).
/// <see cref="Metric"/> is a series name, or <c>heartbeat</c> for the heartbeat itself in an absence rule;
/// <see cref="Labels"/> the labels a series must carry (canonical JSON as in <c>telemetry_series</c>; empty for any).
/// The wire spellings are stored as they are (<c>avg</c>, <c>&gt;=</c>, <c>critical</c>).
/// </summary>
public sealed class HealthRule : IOrganizationOwned
{
    public required Guid Id { get; init; }
    public required Guid OrganizationId { get; init; }
    public required Guid ProductId { get; init; }
    public required string Name { get; set; }
    public required string Kind { get; set; }
    public required string Metric { get; set; }
    public required string Labels { get; set; }
    public string? Aggregation { get; set; }
    public string? Operator { get; set; }
    public double? Threshold { get; set; }
    public required int WindowSeconds { get; set; }
    public required string Severity { get; set; }
    public required bool Enabled { get; set; }
    public required DateTime CreatedAt { get; init; }
    public required DateTime UpdatedAt { get; set; }
}
