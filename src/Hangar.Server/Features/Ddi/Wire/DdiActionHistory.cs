using System.Text.Json.Serialization;

namespace Hangar.Server.Features.Ddi.Wire;

/// <summary>With <c>?actionHistory=n</c>: the action's status and its last feedback messages.</summary>
internal sealed record DdiActionHistory(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("messages")] IReadOnlyList<string> Messages);
