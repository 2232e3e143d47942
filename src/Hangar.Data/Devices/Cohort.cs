namespace Hangar.Data.Devices;

/// <summary>A group of devices of one product that follow the same release channel.</summary>
public sealed class Cohort : IOrganizationOwned
{
    public required Guid Id { get; init; }
    public required Guid OrganizationId { get; init; }
    public required Guid ProductId { get; init; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public required DateTime CreatedAt { get; init; }
    public required DateTime UpdatedAt { get; set; }
}
