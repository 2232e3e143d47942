using System.Text.Json.Serialization;

namespace Hangar.Server.Features.Ddi.Wire;

/// <summary>The polling interval, <c>HH:mm:ss</c>.</summary>
internal sealed record DdiPolling([property: JsonPropertyName("sleep")] string Sleep);
