using System.Text.Json.Serialization;

namespace Hangar.Server.Features.Ddi.Wire;

/// <summary><c>config</c> of the root poll: <c>{"polling": {"sleep": "HH:mm:ss"}}</c>.</summary>
internal sealed record DdiConfig([property: JsonPropertyName("polling")] DdiPolling Polling);
