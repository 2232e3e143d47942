namespace Hangar.Data.Releases;

/// <summary>
/// Pins an explicit list of devices to a bundle for a time window, ahead of their cohort's releases. When several
/// active overrides name a device, the one that started most recently wins.
/// </summary>
public sealed class BundleOverride : IOrganizationOwned
{
    public required Guid Id { get; init; }
    public required Guid OrganizationId { get; init; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public required Guid BundleId { get; set; }
    public required DateTime StartsAt { get; set; }

    /// <summary>Exclusive end; null means open-ended.</summary>
    public DateTime? EndsAt { get; set; }

    public required DateTime CreatedAt { get; init; }
    public required DateTime UpdatedAt { get; set; }
}
