using Hangar.Data;
using Hangar.Data.Tenancy;
using Hangar.Data.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Webhooks;

/// <summary>
/// Turns outbox entries into deliveries, one event per transaction: the entry's delete and the deliveries commit
/// together. Whoever's delete removed the entry owns the event, so nodes running side by side never fan out twice.
/// </summary>
internal sealed class WebhookFanout(IServiceScopeFactory scopes, TimeProvider time, IOptions<WebhooksOptions> options)
{
    private const int BatchSize = 100;

    /// <summary>Fans out one batch; true when there may be more.</summary>
    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
        var batch = await db.EventOutbox.AsNoTracking().OrderBy(e => e.EventId).Take(BatchSize).ToListAsync(cancellationToken);
        var webhooks = new Dictionary<Guid, List<Webhook>>();
        var retryWindow = TimeSpan.FromHours(options.Value.RetryWindowHours);
        foreach (var entry in batch)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (await db.EventOutbox.Where(e => e.EventId == entry.EventId).ExecuteDeleteAsync(cancellationToken) == 0)
            {
                continue;
            }

            var evt = await db.Events.IgnoreQueryFilters([TenantFilter.Name]).AsNoTracking().SingleAsync(e => e.Id == entry.EventId, cancellationToken);
            if (!webhooks.TryGetValue(entry.OrganizationId, out var candidates))
            {
                candidates = await db.Webhooks.IgnoreQueryFilters([TenantFilter.Name]).AsNoTracking()
                    .Where(w => w.OrganizationId == entry.OrganizationId && w.State == WebhookState.Enabled).ToListAsync(cancellationToken);
                webhooks[entry.OrganizationId] = candidates;
            }

            var now = time.GetUtcNow().UtcDateTime;
            // A webhook hears of what happened since it was created (to the millisecond of event times), even when the
            // fan-out runs later.
            foreach (var webhook in candidates.Where(w => w.CreatedAt.AddTicks(-(w.CreatedAt.Ticks % TimeSpan.TicksPerMillisecond)) <= evt.Time
                         && WebhookPayload.Subscribes(w, evt.Type)))
            {
                db.WebhookDeliveries.Add(WebhookPayload.Delivery(webhook, evt, now, retryWindow));
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        return batch.Count == BatchSize;
    }
}
