using System.Collections.Concurrent;
using Hangar.Core.Events;
using Hangar.Core.Resources;
using Hangar.Data;
using Hangar.Data.Audit;
using Hangar.Data.Tenancy;
using Hangar.Data.Webhooks;
using Hangar.Server.Features.Audit;
using Hangar.Server.Features.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Webhooks;

/// <summary>
/// Writes the outcome of an attempt: the attempt row, the delivery's new state and next try, and, when an endpoint
/// has failed for the whole retry window (or answered 410 Gone), disables it with an event and an audit row.
/// </summary>
internal sealed class WebhookAttemptRecorder(IServiceScopeFactory scopes, TimeProvider time, IOptions<WebhooksOptions> options, WebhookMetrics metrics)
{
    private const string Actor = "webhook dispatcher";

    /// <summary>The <c>disabled_reason</c> of a webhook whose host kept resolving to refused addresses.</summary>
    public const string AddressRefused = "address_refused";

    // Consecutive address refusals per webhook on this node; any other outcome resets the count.
    private readonly ConcurrentDictionary<Guid, int> _addressRefusals = new();

    public async Task RecordAsync(Guid deliveryId, WebhookAttemptResult result, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
        var delivery = await db.WebhookDeliveries.IgnoreQueryFilters([TenantFilter.Name]).SingleOrDefaultAsync(d => d.Id == deliveryId, cancellationToken);
        var webhook = delivery is null ? null : await db.Webhooks.IgnoreQueryFilters([TenantFilter.Name]).SingleOrDefaultAsync(w => w.Id == delivery.WebhookId, cancellationToken);
        if (delivery is null || webhook is null)
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        delivery.Attempts++;
        db.WebhookDeliveryAttempts.Add(new WebhookDeliveryAttempt
        {
            Id = Guid.CreateVersion7(now),
            OrganizationId = delivery.OrganizationId,
            DeliveryId = delivery.Id,
            Number = delivery.Attempts,
            Time = result.StartedAt,
            StatusCode = result.StatusCode,
            Error = result.Error,
            LatencyMilliseconds = result.LatencyMilliseconds,
        });
        delivery.LastStatusCode = result.StatusCode;
        delivery.LastError = result.Error;
        delivery.LeaseUntil = null;
        delivery.UpdatedAt = now;
        delivery.NextAttemptAt = null;
        var refusals = result.AddressRefused ? _addressRefusals.AddOrUpdate(webhook.Id, 1, (_, n) => n + 1) : 0;
        if (!result.AddressRefused)
        {
            _addressRefusals.TryRemove(webhook.Id, out _);
        }

        if (result.Succeeded)
        {
            delivery.State = WebhookDeliveryState.Succeeded;
        }
        else if (result.AddressRefused)
        {
            // A refused address is refused again on every retry: retrying for the whole window only adds load.
            delivery.State = WebhookDeliveryState.Failed;
            if (refusals >= options.Value.AddressRefusalsToDisable && webhook.State == WebhookState.Enabled)
            {
                _addressRefusals.TryRemove(webhook.Id, out _);
                Disable(db, scope.ServiceProvider.GetRequiredService<EventRecorder>(), webhook, AddressRefused, now);
            }
        }
        else if (result.StatusCode == StatusCodes.Status410Gone)
        {
            delivery.State = WebhookDeliveryState.Failed;
            Disable(db, scope.ServiceProvider.GetRequiredService<EventRecorder>(), webhook, "the endpoint answered 410 Gone", now);
        }
        else
        {
            var next = now + WebhookRetrySchedule.Delay(delivery.Attempts, result.RetryAfter, Random.Shared.NextDouble());
            if (next <= delivery.RetryUntil)
            {
                delivery.NextAttemptAt = next;
            }
            else
            {
                delivery.State = WebhookDeliveryState.Failed;
                var anySuccessSince = await db.WebhookDeliveries.IgnoreQueryFilters([TenantFilter.Name]).AnyAsync(
                    d => d.WebhookId == webhook.Id && d.State == WebhookDeliveryState.Succeeded && d.UpdatedAt > delivery.CreatedAt, cancellationToken);
                if (!anySuccessSince && webhook.State == WebhookState.Enabled)
                {
                    Disable(db, scope.ServiceProvider.GetRequiredService<EventRecorder>(), webhook,
                        $"no delivery succeeded for {(delivery.RetryUntil - delivery.CreatedAt).TotalHours:0} hours", now);
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        metrics.Attempted(delivery.State switch
        {
            WebhookDeliveryState.Succeeded => WebhookMetrics.Succeeded,
            WebhookDeliveryState.Failed => WebhookMetrics.Failed,
            _ => WebhookMetrics.Retrying,
        });
    }

    private static void Disable(HangarDbContext db, EventRecorder events, Webhook webhook, string reason, DateTime now)
    {
        webhook.State = WebhookState.Disabled;
        webhook.DisabledReason = reason;
        webhook.UpdatedAt = now;
        events.Actor("system", null, Actor);
        events.Record(EventTypes.WebhookDisabled, ResourceTypes.Webhook, webhook.Id, new { reason }, webhook.OrganizationId);
        db.AuditEntries.Add(new AuditEntry
        {
            Id = Guid.CreateVersion7(now),
            OrganizationId = webhook.OrganizationId,
            Time = now,
            ActorType = "system",
            ActorName = Actor,
            Action = "webhook.disable",
            ResourceType = ResourceTypes.Webhook,
            ResourceId = webhook.Id,
            Outcome = AuditOutcomes.Success,
            StatusCode = StatusCodes.Status200OK,
            RequestId = "webhook-dispatcher",
        });
    }
}
