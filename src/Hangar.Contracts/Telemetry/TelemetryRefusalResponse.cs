namespace Hangar.Contracts.Telemetry;

/// <summary>
/// The <c>data</c> of a <c>telemetry_refused</c> control frame: what <c>POST /device/v1/telemetry</c> would have
/// answered (its <see cref="Status"/>, the fields at fault, and for 429 and 503 the seconds to wait before sending
/// again). The frame's <c>code</c> and <c>message</c> hold the problem's code and detail. Nothing of the batch was stored.
/// </summary>
public sealed record TelemetryRefusalResponse(int Status, IReadOnlyDictionary<string, string[]>? Errors = null, int? RetryAfterSeconds = null);
