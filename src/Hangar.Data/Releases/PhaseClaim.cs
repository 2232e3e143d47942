namespace Hangar.Data.Releases;

/// <summary>A device's place in a phased release's rollout: once offered the release, the device keeps it.</summary>
public sealed class PhaseClaim : IOrganizationOwned
{
    public required Guid ReleaseId { get; init; }
    public required Guid DeviceId { get; init; }
    public required Guid OrganizationId { get; init; }
    public required DateTime ClaimedAt { get; init; }
}
