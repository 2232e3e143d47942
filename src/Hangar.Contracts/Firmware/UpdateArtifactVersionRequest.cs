using System.Text.Json;

namespace Hangar.Contracts.Firmware;

/// <summary>Changes an artifact version's description or metadata; the version string is fixed.</summary>
public sealed record UpdateArtifactVersionRequest(string? Description = null, JsonElement? CustomMetadata = null);
