using System.Text.Json;

namespace Hangar.Contracts.Firmware;

/// <summary>A version of an artifact.</summary>
public sealed record ArtifactVersionResponse(
    Guid Id,
    string Hrn,
    Guid ArtifactId,
    string Version,
    string? Description,
    JsonElement? CustomMetadata,
    DateTime CreatedAt,
    DateTime UpdatedAt);
