namespace Hangar.Data.Firmware;

/// <summary>One version of an artifact; the version string is free-form and unique within the artifact.</summary>
public sealed class ArtifactVersion : IOrganizationOwned
{
    public required Guid Id { get; init; }
    public required Guid OrganizationId { get; init; }
    public required Guid ArtifactId { get; init; }
    public required string Version { get; init; }
    public string? Description { get; set; }
    public string? CustomMetadata { get; set; }
    public required DateTime CreatedAt { get; init; }
    public required DateTime UpdatedAt { get; set; }
}
