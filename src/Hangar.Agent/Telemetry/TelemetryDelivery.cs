namespace Hangar.Agent.Telemetry;

/// <summary>
/// How the server took a batch. <see cref="TelemetryDeliveryKind.Refused"/> batches are dropped (sending them again
/// would be refused again); <see cref="TelemetryDeliveryKind.RetryLater"/> ones stay buffered, sent again after
/// <see cref="RetryAfter"/> when the server gave one (429, 503), else after a backoff.
/// </summary>
internal sealed record TelemetryDelivery(TelemetryDeliveryKind Kind, string Description, TimeSpan? RetryAfter = null);
