using System.Text.Json.Serialization;

namespace Hangar.Server.Features.Ddi.Wire;

/// <summary>A cancel request (hawkBit's <c>DdiCancel</c>): <c>{"id": "…", "cancelAction": {"stopId": "…"}}</c>.</summary>
internal sealed record DdiCancel(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("cancelAction")] DdiCancelActionToStop CancelAction);
