using System.Text.Json.Serialization;

namespace Hangar.Server.Features.Ddi.Wire;

/// <summary>The action a cancel stops.</summary>
internal sealed record DdiCancelActionToStop([property: JsonPropertyName("stopId")] string StopId);
