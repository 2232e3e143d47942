using System.Text.Json;

namespace Hangar.Contracts.Firmware;

/// <summary>Creates a version of an artifact.</summary>
/// <param name="Artifact">The artifact: id, resource name or name.</param>
/// <param name="Version">1–128 characters, free-form, unique within the artifact.</param>
public sealed record CreateArtifactVersionRequest(string Artifact, string Version, string? Description = null, JsonElement? CustomMetadata = null);
