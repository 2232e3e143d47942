using Hangar.Contracts.Webhooks;
using Hangar.Core.Resources;
using Hangar.Data.Webhooks;

namespace Hangar.Server.Features.Webhooks;

internal static class WebhookMapping
{
    public static WebhookResponse ToResponse(this Webhook webhook) => new(
        webhook.Id,
        ResourceName.Format(webhook.OrganizationId, ResourceTypes.Webhook, webhook.Id),
        webhook.Url,
        webhook.Description,
        webhook.EnabledEvents.Split(' '),
        webhook.State.ToWire(),
        webhook.DisabledReason,
        webhook.ProtectedPreviousSecret is null ? null : webhook.PreviousSecretExpiresAt,
        webhook.CreatedAt,
        webhook.UpdatedAt);

    public static WebhookDeliveryResponse ToResponse(this WebhookDelivery delivery, IEnumerable<WebhookDeliveryAttempt>? attempts = null) => new(
        delivery.Id,
        ResourceName.Format(delivery.OrganizationId, ResourceTypes.WebhookDelivery, delivery.Id),
        delivery.WebhookId,
        delivery.EventId,
        delivery.EventType,
        delivery.State.ToString().ToLowerInvariant(),
        delivery.Attempts,
        delivery.NextAttemptAt,
        delivery.LastStatusCode,
        delivery.LastError,
        delivery.CreatedAt,
        delivery.UpdatedAt,
        attempts?.Select(a => new WebhookDeliveryAttemptResponse(a.Number, a.Time, a.StatusCode, a.Error, a.LatencyMilliseconds)).ToList());

    public static string ToWire(this WebhookState state) => state == WebhookState.Enabled ? "enabled" : "disabled";
}
