using System.Text.Json.Serialization;

namespace Hangar.Server.Features.Ddi.Wire;

/// <summary>One file of a chunk, with its hashes and the links to download it and its <c>.MD5SUM</c>.</summary>
internal sealed record DdiArtifact(
    [property: JsonPropertyName("filename")] string Filename,
    [property: JsonPropertyName("size")] long Size,
    [property: JsonPropertyName("hashes")] DdiHashes Hashes,
    [property: JsonPropertyName("_links")] IReadOnlyDictionary<string, DdiLink> Links);
