using System.Text.Json.Serialization;

namespace Hangar.Server.Features.Ddi.Wire;

/// <summary>An artifact's hashes, lowercase hexadecimal; SWUpdate checks <c>sha1</c>.</summary>
internal sealed record DdiHashes(
    [property: JsonPropertyName("sha1")] string Sha1,
    [property: JsonPropertyName("md5")] string Md5,
    [property: JsonPropertyName("sha256")] string Sha256);
