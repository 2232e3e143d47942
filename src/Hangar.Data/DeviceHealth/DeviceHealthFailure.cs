namespace Hangar.Data.DeviceHealth;

/// <summary>
/// A rule a device fails now, since when, and the value that failed it (the worst matching series' aggregate; null for an
/// absence rule), updated when it changes. Written only by the health evaluator; a device with none is healthy.
/// </summary>
public sealed class DeviceHealthFailure : IOrganizationOwned
{
    public required Guid DeviceId { get; init; }
    public required Guid RuleId { get; init; }
    public required Guid OrganizationId { get; init; }
    public required DateTime Since { get; init; }
    public double? Value { get; set; }
    public HealthRule? Rule { get; init; }
}
