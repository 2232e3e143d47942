namespace Hangar.Data.Organizations;

public sealed class Organization
{
    public required Guid Id { get; init; }
    public required string Name { get; set; }
    public required DateTime CreatedAt { get; init; }
    public required DateTime UpdatedAt { get; set; }
}
