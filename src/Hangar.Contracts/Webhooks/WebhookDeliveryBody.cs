using Hangar.Contracts.Events;

namespace Hangar.Contracts.Webhooks;

/// <summary>
/// The body of a webhook delivery, as Standard Webhooks suggests: <paramref name="Data"/> is the event exactly as
/// <c>GET /api/v1/events/{id}</c> returns it.
/// </summary>
/// <param name="Type">The event type, e.g. <c>release.created</c>.</param>
/// <param name="Timestamp">When the event happened, ISO 8601 UTC with milliseconds (<c>2026-01-31T12:00:00.000Z</c>).</param>
public sealed record WebhookDeliveryBody(string Type, string Timestamp, EventResponse Data);
