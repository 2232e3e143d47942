namespace Hangar.Data.Releases;

/// <summary>A device named by a bundle override.</summary>
public sealed class BundleOverrideDevice : IOrganizationOwned
{
    public required Guid BundleOverrideId { get; init; }
    public required Guid DeviceId { get; init; }
    public required Guid OrganizationId { get; init; }
    public required DateTime CreatedAt { get; init; }
}
