using System.Text.Json.Serialization;

namespace Hangar.Server.Features.Ddi.Wire;

/// <summary>One software module of the action: in Hangar, one binary of the bundle (docs/ddi.md).</summary>
internal sealed record DdiChunk(
    [property: JsonPropertyName("part")] string Part,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("artifacts")] IReadOnlyList<DdiArtifact> Artifacts);
