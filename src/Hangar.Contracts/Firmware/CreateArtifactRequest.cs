using System.Text.Json;

namespace Hangar.Contracts.Firmware;

/// <summary>Creates an artifact.</summary>
/// <param name="Name">1–128 characters, unique in the organization.</param>
/// <param name="Description">Up to 256 characters.</param>
/// <param name="CustomMetadata">A JSON object of at most 1,000,000 bytes.</param>
public sealed record CreateArtifactRequest(string Name, string? Description = null, JsonElement? CustomMetadata = null);
