using Hangar.Data;
using Hangar.Data.Tenancy;
using Hangar.Data.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Webhooks;

/// <summary>
/// How many deliveries wait (pending, to enabled webhooks) and since when the oldest due one has been due: read by
/// the dispatcher at most every <see cref="Interval"/> (two index reads on the state), so a scrape or a health check
/// reads memory only. The figures are the database's, the same on every node.
/// </summary>
internal sealed class WebhookBacklog(TimeProvider time)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    private Snapshot _current = new(0, null, DateTimeOffset.MinValue);

    public Snapshot Current => Volatile.Read(ref _current);

    public async Task RefreshIfStaleAsync(HangarDbContext db, CancellationToken cancellationToken)
    {
        if (time.GetUtcNow() - Current.ReadAt >= Interval)
        {
            await RefreshAsync(db, cancellationToken);
        }
    }

    public async Task RefreshAsync(HangarDbContext db, CancellationToken cancellationToken)
    {
        var readAt = time.GetUtcNow();
        var now = readAt.UtcDateTime;
        var pending = db.WebhookDeliveries.IgnoreQueryFilters([TenantFilter.Name])
            .Where(d => d.State == WebhookDeliveryState.Pending)
            .Where(d => db.Webhooks.IgnoreQueryFilters(new[] { TenantFilter.Name }).Any(w => w.Id == d.WebhookId && w.State == WebhookState.Enabled));
        var count = await pending.CountAsync(cancellationToken);
        var oldestDue = await pending.Where(d => d.NextAttemptAt <= now).MinAsync(d => d.NextAttemptAt, cancellationToken);
        Volatile.Write(ref _current, new Snapshot(count, oldestDue is { } due ? new DateTimeOffset(due, TimeSpan.Zero) : null, readAt));
    }

    /// <param name="Pending">Deliveries not yet succeeded or given up, due now or waiting for a retry.</param>
    /// <param name="OldestDueSince">When the longest-waiting due delivery became due; null when none is due.</param>
    public sealed record Snapshot(int Pending, DateTimeOffset? OldestDueSince, DateTimeOffset ReadAt);
}
