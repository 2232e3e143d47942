using System.Text.Json;

namespace Hangar.Contracts.Firmware;

/// <summary>Changes an artifact; absent fields stay as they are.</summary>
public sealed record UpdateArtifactRequest(string? Name = null, string? Description = null, JsonElement? CustomMetadata = null);
