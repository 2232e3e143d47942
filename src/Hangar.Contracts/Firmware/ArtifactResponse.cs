using System.Text.Json;

namespace Hangar.Contracts.Firmware;

/// <summary>An artifact: a kind of binary ("rootfs", "app", "ml-model").</summary>
public sealed record ArtifactResponse(
    Guid Id,
    string Hrn,
    string Name,
    string? Description,
    JsonElement? CustomMetadata,
    DateTime CreatedAt,
    DateTime UpdatedAt);
