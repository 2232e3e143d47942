using System.Text.Json;

namespace Hangar.Contracts.Firmware;

/// <summary>Declares a binary before its content is uploaded.</summary>
/// <param name="ArtifactVersion">The artifact version: id, resource name or version string (see docs/api.md, "Referencing resources").</param>
/// <param name="Target">The target triple, 1–128 characters, e.g. <c>aarch64-unknown-linux-gnu</c>.</param>
/// <param name="Size">The exact size in bytes.</param>
/// <param name="Sha256">Lowercase hex SHA-256 of the whole content.</param>
public sealed record CreateBinaryRequest(
    string ArtifactVersion,
    string Target,
    long Size,
    string Sha256,
    string? Description = null,
    JsonElement? CustomMetadata = null);
