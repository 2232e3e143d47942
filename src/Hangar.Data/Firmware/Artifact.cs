namespace Hangar.Data.Firmware;

/// <summary>A kind of binary ("rootfs", "app", "ml-model"); its versions hold the binaries.</summary>
public sealed class Artifact : IOrganizationOwned
{
    public required Guid Id { get; init; }
    public required Guid OrganizationId { get; init; }
    public required string Name { get; set; }
    public string? Description { get; set; }

    /// <summary>A JSON object as text, at most 1 MB; inherited by bundle entries unless something more specific overrides it.</summary>
    public string? CustomMetadata { get; set; }

    public required DateTime CreatedAt { get; init; }
    public required DateTime UpdatedAt { get; set; }
}
