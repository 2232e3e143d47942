namespace Hangar.Data.Devices;

/// <summary>A kind of device (a hardware model or product line). Devices, cohorts and firmware belong to one.</summary>
public sealed class Product : IOrganizationOwned
{
    public required Guid Id { get; init; }
    public required Guid OrganizationId { get; init; }
    public required string Name { get; set; }
    public bool Archived { get; set; }
    public required DateTime CreatedAt { get; init; }
    public required DateTime UpdatedAt { get; set; }
}
