namespace Hangar.Data.Devices;

/// <summary>A group of devices of one product that follow the same release channel.</summary>
public sealed class Cohort : IOrganizationOwned
{
    public required Guid Id { get; init; }
    public required Guid OrganizationId { get; init; }
    public required Guid ProductId { get; init; }
    public required string Name { get; set; }
    public string? Description { get; set; }

    /// <summary>
    /// Changes, in the same transaction, with every change to the cohort's releases (or to what they ship): update
    /// checks compare it with their cached graph, so every node sees a change on its next check without a signal.
    /// </summary>
    public Guid ReleaseGraphStamp { get; set; }

    public required DateTime CreatedAt { get; init; }
    public required DateTime UpdatedAt { get; set; }
}
