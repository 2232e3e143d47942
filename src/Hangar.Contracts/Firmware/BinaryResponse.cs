using System.Text.Json;

namespace Hangar.Contracts.Firmware;

/// <summary>
/// A binary: the content of an artifact version for one target. <see cref="State"/> is one of uploadable, hashable,
/// hashing, signable, signed, destroyed. <see cref="Sha1"/> and <see cref="Md5"/> (lowercase hex, for hawkBit DDI
/// clients) are computed when the upload is hashed; null before that, and for a binary hashed before Hangar kept them
/// until a DDI device is first shown it.
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
    DateTime UpdatedAt,
    string? Sha1 = null,
    string? Md5 = null);
