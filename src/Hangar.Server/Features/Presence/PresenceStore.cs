using Hangar.Core.Events;
using Hangar.Core.Resources;
using Hangar.Data;
using Hangar.Data.Devices;
using Hangar.Data.Tenancy;
using Hangar.Server.Features.Events;
using Hangar.Server.Hosting.Cluster;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Presence;

/// <summary>
/// The presence columns of <c>devices</c>, written in batches by <see cref="PresenceWriter"/>. A node's claim on a
/// device is (<c>presence_node</c>, <c>connected_at</c>): a disconnect only clears its own claim, so a device that
/// moved to another node meanwhile stays online. Events are decided from the row as it was: a connect after less
/// than the coalescing window offline (or while still online) is a flap and announces nothing.
/// </summary>
internal sealed class PresenceStore(IServiceScopeFactory scopes, ClusterNode node, TimeProvider time, IOptions<PresenceOptions> options)
{
    private const int SweepBatch = 1000;

    /// <summary>Presence crosses organizations: a node writes for every device it holds.</summary>
    private static IQueryable<Device> Devices(HangarDbContext db) => db.Devices.IgnoreQueryFilters([TenantFilter.Name]);

    private TimeSpan Window => TimeSpan.FromSeconds(options.Value.CoalesceSeconds);

    /// <summary>Writes one batch; returns the devices whose disconnect was written, with when it is announced unless they come back.</summary>
    public async Task<List<(Guid DeviceId, DateTime AnnounceAt)>> WriteAsync(IReadOnlyCollection<PresenceChange> batch, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
        var events = scope.ServiceProvider.GetRequiredService<EventRecorder>();
        var now = time.GetUtcNow().UtcDateTime;
        var ids = batch.Where(c => c.Connected).Select(c => c.Session.DeviceId).ToList();
        var before = await Devices(db).AsNoTracking().Where(d => ids.Contains(d.Id))
            .Select(d => new { d.Id, d.Online, d.LastSeenAt }).ToDictionaryAsync(d => d.Id, cancellationToken);
        var disconnected = new List<(Guid, DateTime)>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var change in batch)
        {
            var session = change.Session;
            if (change.Connected)
            {
                var written = await Devices(db).Where(d => d.Id == session.DeviceId).ExecuteUpdateAsync(u => u
                    .SetProperty(d => d.Online, true)
                    .SetProperty(d => d.ConnectedAt, session.ConnectedAt)
                    .SetProperty(d => d.LastSeenAt, now)
                    .SetProperty(d => d.RemoteAddress, session.RemoteAddress)
                    .SetProperty(d => d.PresenceNode, node.Name), cancellationToken);
                if (written > 0 && before.TryGetValue(session.DeviceId, out var was) && !was.Online && !(was.LastSeenAt > now - Window))
                {
                    events.Record(EventTypes.DeviceConnected, ResourceTypes.Device, session.DeviceId,
                        new PresenceEventData(session.Identifier, session.RemoteAddress, node.Name, session.ConnectedAt, null), session.OrganizationId);
                }
            }
            else if (await Devices(db).Where(d => d.Id == session.DeviceId && d.PresenceNode == node.Name && d.ConnectedAt == session.ConnectedAt)
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.Online, false).SetProperty(d => d.LastSeenAt, change.EndedAt), cancellationToken) > 0)
            {
                disconnected.Add((session.DeviceId, change.EndedAt!.Value + Window));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return disconnected;
    }

    /// <summary>Announces the disconnects of devices still offline once their window passed (those that came back are not).</summary>
    public async Task AnnounceDisconnectsAsync(IReadOnlyCollection<Guid> deviceIds, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
        var events = scope.ServiceProvider.GetRequiredService<EventRecorder>();
        var gone = await Devices(db).AsNoTracking().Where(d => deviceIds.Contains(d.Id) && !d.Online)
            .Select(d => new { d.Id, d.OrganizationId, d.Identifier, d.RemoteAddress, d.PresenceNode, d.ConnectedAt }).ToListAsync(cancellationToken);
        foreach (var device in gone)
        {
            events.Record(EventTypes.DeviceDisconnected, ResourceTypes.Device, device.Id,
                new PresenceEventData(device.Identifier, device.RemoteAddress, device.PresenceNode, device.ConnectedAt, PresenceEventData.Closed), device.OrganizationId);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Renews <c>last_seen_at</c> of every device this node holds, in one statement. Returns how many rows it
    /// renewed: fewer than the sessions held means some claim was swept (the node was cut off for a lease).
    /// </summary>
    public async Task<int> RenewAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        return await Devices(db).Where(d => d.Online && d.PresenceNode == node.Name)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.LastSeenAt, now), cancellationToken);
    }

    /// <summary>
    /// Marks offline the devices whose node stopped renewing them for a lease (it died, or restarted under a new
    /// name), and announces each: per device, so that two nodes sweeping at once announce it once.
    /// </summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
        var events = scope.ServiceProvider.GetRequiredService<EventRecorder>();
        var cutoff = time.GetUtcNow().UtcDateTime - TimeSpan.FromSeconds(options.Value.LeaseSeconds);
        var stale = await Devices(db).AsNoTracking().Where(d => d.Online && d.LastSeenAt < cutoff).OrderBy(d => d.Id).Take(SweepBatch)
            .Select(d => new { d.Id, d.OrganizationId, d.Identifier, d.RemoteAddress, d.PresenceNode, d.ConnectedAt }).ToListAsync(cancellationToken);
        var swept = 0;
        foreach (var device in stale)
        {
            if (await Devices(db).Where(d => d.Id == device.Id && d.Online && d.LastSeenAt < cutoff)
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.Online, false), cancellationToken) > 0)
            {
                swept++;
                events.Record(EventTypes.DeviceDisconnected, ResourceTypes.Device, device.Id,
                    new PresenceEventData(device.Identifier, device.RemoteAddress, device.PresenceNode, device.ConnectedAt, PresenceEventData.Expired), device.OrganizationId);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return swept;
    }
}
