using System.Text.Json;

namespace Hangar.Contracts.Firmware;

/// <summary>
/// A binary: the content of an artifact version for one target. <see cref="State"/> is one of uploadable, hashable,
/// hashing, signable, signed, destroyed.
/// </summary>
public sealed record BinaryResponse(
    Guid Id,
    string Hrn,
    Guid ArtifactVersionId,
    string Target,
    long Size,
    string Sha256,
    string State,
    string? Description,
    JsonElement? CustomMetadata,
    string? LastError,
    DateTime CreatedAt,
    DateTime UpdatedAt);
