namespace Hangar.Data.Devices;

/// <summary>
/// One device of the fleet. Its identifier is the common name of its certificates. The reported fields are the
/// server's record of what the device last said it runs; only the device protocol writes them.
/// </summary>
public sealed class Device : IOrganizationOwned
{
    public required Guid Id { get; init; }
    public required Guid OrganizationId { get; init; }
    public required string Identifier { get; init; }
    public string? Description { get; set; }
    public required Guid ProductId { get; set; }
    public Guid? CohortId { get; set; }
    public string? Target { get; set; }
    public bool Quarantined { get; set; }
    public DateTime? LastConnectedAt { get; set; }
    public Guid? ReportedReleaseId { get; set; }
    public Guid? ReportedBundleId { get; set; }
    public string? ReportedReleaseVersion { get; set; }
    public List<DeviceTag> Tags { get; init; } = [];
    public required DateTime CreatedAt { get; init; }
    public required DateTime UpdatedAt { get; set; }
}
