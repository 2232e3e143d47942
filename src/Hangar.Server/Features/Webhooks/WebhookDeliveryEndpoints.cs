using Hangar.Contracts.Common;
using Hangar.Contracts.Webhooks;
using Hangar.Core.Access;
using Hangar.Core.Resources;
using Hangar.Data;
using Hangar.Data.Webhooks;
using Hangar.Server.Features.Audit;
using Hangar.Server.Features.Events;
using Hangar.Server.Hosting.Authentication;
using Hangar.Server.Hosting.Authorization;
using Hangar.Server.Hosting.Lists;
using Hangar.Server.Hosting.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Webhooks;

/// <summary>The delivery log of a webhook and manual redelivery.</summary>
internal static class WebhookDeliveryEndpoints
{
    private static readonly SearchFields<WebhookDelivery> Search = new SearchFields<WebhookDelivery>()
        .Enum("state", d => d.State)
        .String("event_type", d => d.EventType)
        .Uuid("event_id", d => d.EventId)
        .Number("attempts", d => d.Attempts)
        .DateTime("created_at", d => d.CreatedAt);

    public static void MapWebhookDeliveries(this RouteGroupBuilder webhooks)
    {
        webhooks.MapGet("/{id}/deliveries", ListAsync).Requires(Permission.WebhookRead)
            .WithSummary("List a webhook's deliveries").WithDescription("Search fields: state, event_type, event_id, attempts, created_at.");
        webhooks.MapGet("/{id}/deliveries/{delivery_id}", GetAsync).Requires(Permission.WebhookRead)
            .WithSummary("Get a delivery with its attempts");
        webhooks.MapPost("/{id}/deliveries/{delivery_id}/redeliver", RedeliverAsync).Requires(Permission.WebhookManage).Audited("webhook.redeliver")
            .WithSummary("Deliver again")
            .WithDescription("Queues the delivery now, with the same webhook-id and body, and a fresh retry window.");
    }

    private static async Task<Results<Ok<ListResponse<WebhookDeliveryResponse>>, ProblemHttpResult>> ListAsync(
        string id, [AsParameters] ListRequest request, HttpContext http, HangarDbContext db, CancellationToken cancellationToken)
    {
        if (!ListQueries.TryPrepare(request, Search, out var spec, out var problem))
        {
            return problem!;
        }

        var webhook = await WebhookEndpoints.FindAsync(id, http, db, cancellationToken);
        if (webhook is null)
        {
            return Problems.NotFound("Webhook");
        }

        return TypedResults.Ok(await db.WebhookDeliveries.AsNoTracking().Where(d => d.WebhookId == webhook.Id)
            .ToPageAsync(spec, Search, d => d.Id, d => d.ToResponse(), cancellationToken));
    }

    private static async Task<Results<Ok<WebhookDeliveryResponse>, ProblemHttpResult>> GetAsync(
        string id, [FromRoute(Name = "delivery_id")] string deliveryId, HttpContext http, HangarDbContext db, CancellationToken cancellationToken)
    {
        var delivery = await FindAsync(id, deliveryId, http, db, cancellationToken);
        if (delivery is null)
        {
            return Problems.NotFound("Delivery");
        }

        var attempts = await db.WebhookDeliveryAttempts.AsNoTracking().Where(a => a.DeliveryId == delivery.Id).OrderBy(a => a.Number).ToListAsync(cancellationToken);
        return TypedResults.Ok(delivery.ToResponse(attempts));
    }

    private static async Task<Results<Accepted<WebhookDeliveryResponse>, ProblemHttpResult>> RedeliverAsync(
        string id, [FromRoute(Name = "delivery_id")] string deliveryId, HttpContext http, HangarDbContext db, AuditScope audit,
        IOptions<WebhooksOptions> options, EventSignal signal, TimeProvider time, CancellationToken cancellationToken)
    {
        var webhook = await WebhookEndpoints.FindAsync(id, http, db, cancellationToken);
        var delivery = webhook is null ? null : await FindAsync(id, deliveryId, http, db, cancellationToken);
        if (webhook is null || delivery is null)
        {
            return Problems.NotFound("Delivery");
        }

        audit.Resource(ResourceTypes.WebhookDelivery, delivery.Id, StatusCodes.Status202Accepted);
        if (webhook.State != WebhookState.Enabled)
        {
            return Problems.Conflict(ErrorCodes.WebhookDisabled, "The webhook is disabled; enable it first.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        delivery.State = WebhookDeliveryState.Pending;
        delivery.NextAttemptAt = now;
        delivery.RetryUntil = now.AddHours(options.Value.RetryWindowHours);
        delivery.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        // No event rides on this save, so wake the dispatcher here rather than at its next poll.
        signal.Notify();
        return TypedResults.Accepted($"/api/v1/webhooks/{webhook.Id}/deliveries/{delivery.Id}", delivery.ToResponse());
    }

    private static async Task<WebhookDelivery?> FindAsync(string id, string deliveryId, HttpContext http, HangarDbContext db, CancellationToken cancellationToken)
    {
        var organizationId = http.RequireCaller().OrganizationId;
        var webhookId = (await WebhookEndpoints.FindAsync(id, http, db, cancellationToken))?.Id;
        var resolved = ResourceReference.Resolve(deliveryId, ResourceTypes.WebhookDelivery, organizationId);
        return webhookId is null || resolved is null
            ? null
            : await db.WebhookDeliveries.SingleOrDefaultAsync(d => d.Id == resolved && d.WebhookId == webhookId, cancellationToken);
    }
}
