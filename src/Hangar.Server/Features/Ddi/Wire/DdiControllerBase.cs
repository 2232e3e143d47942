using System.Text.Json.Serialization;

namespace Hangar.Server.Features.Ddi.Wire;

/// <summary>The root poll's answer (hawkBit's <c>DdiControllerBase</c>): the polling interval and links to what applies.</summary>
internal sealed record DdiControllerBase(
    [property: JsonPropertyName("config")] DdiConfig Config,
    [property: JsonPropertyName("_links")] IReadOnlyDictionary<string, DdiLink> Links);
