using System.Globalization;
using System.Text.Json;
using Hangar.Contracts;
using Hangar.Contracts.Webhooks;
using Hangar.Data.Events;
using Hangar.Data.Webhooks;
using Hangar.Server.Features.Events;

namespace Hangar.Server.Features.Webhooks;

/// <summary>
/// The body of a delivery: <c>{"type", "timestamp", "data"}</c> as Standard Webhooks suggests, with <c>data</c> being
/// the event exactly as <c>GET /api/v1/events/{id}</c> returns it. Frozen into the delivery when it is created.
/// </summary>
internal static class WebhookPayload
{
    public static string For(Event evt) => JsonSerializer.Serialize(
        new WebhookDeliveryBody(evt.Type, evt.Time.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture), evt.ToResponse()),
        HangarJsonContext.Default.WebhookDeliveryBody);

    public static WebhookDelivery Delivery(Webhook webhook, Event evt, DateTime now, TimeSpan retryWindow) => new()
    {
        Id = Guid.CreateVersion7(now),
        OrganizationId = webhook.OrganizationId,
        WebhookId = webhook.Id,
        EventId = evt.Id,
        EventType = evt.Type,
        Payload = For(evt),
        State = WebhookDeliveryState.Pending,
        Attempts = 0,
        NextAttemptAt = now,
        RetryUntil = now + retryWindow,
        CreatedAt = now,
        UpdatedAt = now,
    };

    public static bool Subscribes(Webhook webhook, string eventType) =>
        webhook.EnabledEvents.Split(' ').Any(t => t == eventType || t == Core.Events.EventTypes.All);
}
