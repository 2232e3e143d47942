using System.Text.Json.Serialization;

namespace Hangar.Server.Features.Ddi.Wire;

/// <summary>A HAL link, as hawkBit writes them: <c>{"href": "…"}</c>.</summary>
internal sealed record DdiLink([property: JsonPropertyName("href")] string Href);
