using Hangar.Contracts.Common;
using Hangar.Contracts.Webhooks;
using Hangar.Core.Access;
using Hangar.Core.Events;
using Hangar.Core.Resources;
using Hangar.Data;
using Hangar.Data.Webhooks;
using Hangar.Server.Features.Audit;
using Hangar.Server.Features.Events;
using Hangar.Server.Features.Idempotency;
using Hangar.Server.Hosting.Authentication;
using Hangar.Server.Hosting.Authorization;
using Hangar.Server.Hosting.Http;
using Hangar.Server.Hosting.Lists;
using Hangar.Server.Hosting.Problems;
using Hangar.Server.Hosting.References;
using Hangar.Server.Hosting.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Webhooks;

internal static class WebhookEndpoints
{
    private const int MaxOverlapSeconds = 7 * 24 * 3600;

    private static readonly SearchFields<Webhook> Search = new SearchFields<Webhook>()
        .String("url", w => w.Url)
        .String("description", w => w.Description)
        .Enum("state", w => w.State)
        .DateTime("created_at", w => w.CreatedAt);

    public static RouteGroupBuilder MapWebhooks(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/webhooks").WithTags("Webhooks");
        group.MapGet("", ListAsync).Requires(Permission.WebhookRead)
            .WithSummary("List webhooks").WithDescription("Search fields: url, description, state, created_at.");
        group.MapGet("/{id}", GetAsync).Requires(Permission.WebhookRead).WithSummary("Get a webhook");
        group.MapPost("", CreateAsync).Requires(Permission.WebhookManage).Audited("webhook.create").Idempotent().CarriesSecret()
            .WithSummary("Create a webhook").WithDescription("The signing secret is in the response only; store it now.");
        group.MapPatch("/{id}", UpdateAsync).Requires(Permission.WebhookManage).Audited("webhook.update")
            .WithSummary("Change a webhook").WithDescription("Only the fields given change. state=enabled re-enables an endpoint the dispatcher disabled.");
        group.MapDelete("/{id}", DeleteAsync).Requires(Permission.WebhookManage).Audited("webhook.delete")
            .WithSummary("Delete a webhook").WithDescription("Its pending deliveries are dropped with it.");
        group.MapPost("/{id}/roll_secret", RollSecretAsync).Requires(Permission.WebhookManage).Audited("webhook.roll_secret").CarriesSecret()
            .WithSummary("Roll a webhook's secret")
            .WithDescription("Returns the new secret (once). For overlap_seconds the old secret still signs too: both signatures are sent.");
        group.MapPost("/{id}/test_fire", TestFireAsync).Requires(Permission.WebhookManage).Audited("webhook.test_fire")
            .WithSummary("Send a test event").WithDescription("Records a webhook.test_fire event and delivers it to this webhook only.");
        group.MapWebhookDeliveries();
        return api;
    }

    private static async Task<Results<Ok<ListResponse<WebhookResponse>>, ProblemHttpResult>> ListAsync(
        [AsParameters] ListRequest request, HangarDbContext db, CancellationToken cancellationToken)
    {
        if (!ListQueries.TryPrepare(request, Search, out var spec, out var problem))
        {
            return problem!;
        }

        return TypedResults.Ok(await db.Webhooks.AsNoTracking().ToPageAsync(spec, Search, w => w.Id, w => w.ToResponse(), cancellationToken));
    }

    private static async Task<Results<Ok<WebhookResponse>, ProblemHttpResult>> GetAsync(
        string id, HttpContext http, HangarDbContext db, CancellationToken cancellationToken)
    {
        var webhook = await FindAsync(id, http, db, cancellationToken);
        return webhook is null ? Problems.NotFound("Webhook") : TypedResults.Ok(webhook.ToResponse());
    }

    private static async Task<Results<Created<WebhookSecretResponse>, ProblemHttpResult>> CreateAsync(
        CreateWebhookRequest request, HttpContext http, HangarDbContext db, AuditScope audit, EventRecorder events, WebhookSecretStore secrets,
        IOptions<WebhooksOptions> options, WebhookAddressPolicy addresses, TimeProvider time, CancellationToken cancellationToken)
    {
        var validator = new RequestValidator()
            .Text("description", request.Description, max: 500, required: false)
            .WebhookUrl(request.Url, options.Value.RequireHttps)
            .WebhookEvents(request.EnabledEvents)
            .WebhookState(request.State, out var state);
        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        if (WebhookUrl.AddressRefusal(request.Url, addresses) is { } refused)
        {
            return AddressRefused(refused);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var secret = WebhookSignature.NewSecret();
        var webhook = new Webhook
        {
            Id = Guid.CreateVersion7(now),
            OrganizationId = http.RequireCaller().OrganizationId,
            Url = request.Url,
            Description = request.Description?.Trim(),
            EnabledEvents = string.Join(' ', request.EnabledEvents.Distinct()),
            State = state ?? WebhookState.Enabled,
            ProtectedSecret = secrets.Protect(secret),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Webhooks.Add(webhook);
        audit.Resource(ResourceTypes.Webhook, webhook.Id);
        events.Record(EventTypes.WebhookCreated, ResourceTypes.Webhook, webhook.Id, new { enabled_events = request.EnabledEvents, state = webhook.State.ToWire() });
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/webhooks/{webhook.Id}", new WebhookSecretResponse(webhook.ToResponse(), secret));
    }

    private static async Task<Results<Ok<WebhookResponse>, ProblemHttpResult>> UpdateAsync(
        string id, UpdateWebhookRequest request, HttpContext http, HangarDbContext db, AuditScope audit, EventRecorder events,
        IOptions<WebhooksOptions> options, WebhookAddressPolicy addresses, TimeProvider time, CancellationToken cancellationToken)
    {
        var webhook = await FindAsync(id, http, db, cancellationToken);
        if (webhook is null)
        {
            return Problems.NotFound("Webhook");
        }

        audit.Resource(ResourceTypes.Webhook, webhook.Id);
        var validator = new RequestValidator()
            .Text("description", request.Description, max: 500, required: false)
            .WebhookState(request.State, out var state);
        if (request.Url is not null)
        {
            validator.WebhookUrl(request.Url, options.Value.RequireHttps);
        }

        if (request.EnabledEvents is not null)
        {
            validator.WebhookEvents(request.EnabledEvents);
        }

        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        if (request.Url is not null && WebhookUrl.AddressRefusal(request.Url, addresses) is { } refused)
        {
            return AddressRefused(refused);
        }

        webhook.Url = request.Url ?? webhook.Url;
        webhook.Description = request.Description is null ? webhook.Description : request.Description.Trim();
        webhook.EnabledEvents = request.EnabledEvents is null ? webhook.EnabledEvents : string.Join(' ', request.EnabledEvents.Distinct());
        if (state is { } newState)
        {
            webhook.State = newState;
            webhook.DisabledReason = null;
        }

        webhook.UpdatedAt = time.GetUtcNow().UtcDateTime;
        events.Record(EventTypes.WebhookUpdated, ResourceTypes.Webhook, webhook.Id,
            new { enabled_events = webhook.EnabledEvents.Split(' '), state = webhook.State.ToWire() });
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(webhook.ToResponse());
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string id, HttpContext http, HangarDbContext db, AuditScope audit, EventRecorder events, CancellationToken cancellationToken)
    {
        var webhook = await FindAsync(id, http, db, cancellationToken);
        if (webhook is null)
        {
            return Problems.NotFound("Webhook");
        }

        audit.Resource(ResourceTypes.Webhook, webhook.Id);
        events.Record(EventTypes.WebhookDeleted, ResourceTypes.Webhook, webhook.Id);
        db.Webhooks.Remove(webhook);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<WebhookSecretResponse>, ProblemHttpResult>> RollSecretAsync(
        string id, RollWebhookSecretRequest request, HttpContext http, HangarDbContext db, AuditScope audit, EventRecorder events,
        WebhookSecretStore secrets, TimeProvider time, CancellationToken cancellationToken)
    {
        var webhook = await FindAsync(id, http, db, cancellationToken);
        if (webhook is null)
        {
            return Problems.NotFound("Webhook");
        }

        audit.Resource(ResourceTypes.Webhook, webhook.Id, StatusCodes.Status200OK);
        var overlap = request.OverlapSeconds ?? 0;
        if (overlap is < 0 or > MaxOverlapSeconds)
        {
            return Problems.Validation("overlap_seconds", $"must be between 0 and {MaxOverlapSeconds}.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var secret = WebhookSignature.NewSecret();
        webhook.ProtectedPreviousSecret = overlap > 0 ? webhook.ProtectedSecret : null;
        webhook.PreviousSecretExpiresAt = overlap > 0 ? now.AddSeconds(overlap) : null;
        webhook.ProtectedSecret = secrets.Protect(secret);
        webhook.UpdatedAt = now;
        events.Record(EventTypes.WebhookSecretRolled, ResourceTypes.Webhook, webhook.Id, new { overlap_seconds = overlap });
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new WebhookSecretResponse(webhook.ToResponse(), secret));
    }

    private static async Task<Results<Accepted<WebhookDeliveryResponse>, ProblemHttpResult>> TestFireAsync(
        string id, HttpContext http, HangarDbContext db, AuditScope audit, EventRecorder events, IOptions<WebhooksOptions> options,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var webhook = await FindAsync(id, http, db, cancellationToken);
        if (webhook is null)
        {
            return Problems.NotFound("Webhook");
        }

        audit.Resource(ResourceTypes.Webhook, webhook.Id, StatusCodes.Status202Accepted);
        if (webhook.State != WebhookState.Enabled)
        {
            return Problems.Conflict(ErrorCodes.WebhookDisabled, "The webhook is disabled; enable it first.");
        }

        var evt = events.RecordUnpublished(EventTypes.WebhookTestFire, ResourceTypes.Webhook, webhook.Id, new { webhook_id = webhook.Id });
        var delivery = WebhookPayload.Delivery(webhook, evt, time.GetUtcNow().UtcDateTime, TimeSpan.FromHours(options.Value.RetryWindowHours));
        db.WebhookDeliveries.Add(delivery);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Accepted($"/api/v1/webhooks/{webhook.Id}/deliveries/{delivery.Id}", delivery.ToResponse());
    }

    internal static Task<Webhook?> FindAsync(string id, HttpContext http, HangarDbContext db, CancellationToken cancellationToken)
    {
        return db.Webhooks.FindByReferenceAsync(db, ReferenceRules.Webhook, id, http.RequireCaller().OrganizationId, cancellationToken);
    }

    private static ProblemHttpResult AddressRefused(string refusal) =>
        Problems.Create(StatusCodes.Status422UnprocessableEntity, ErrorCodes.WebhookAddressRefused, "Address refused", $"url {refusal}");
}
