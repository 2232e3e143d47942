using Hangar.Contracts.Tunnels;
using Hangar.Core.Events;
using Hangar.Core.Resources;
using Hangar.Data;
using Hangar.Data.Tenancy;
using Hangar.Data.Tunnels;
using Hangar.Server.Features.Events;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Tunnels;

/// <summary>
/// The state changes no API caller makes: the agent's answer opens or refuses a tunnel, the sweep closes one. Each
/// writes the row and its event together, and a close also drops this node's relayed connections and tells the agent.
/// </summary>
internal sealed class TunnelLifecycle(IServiceScopeFactory scopes, TunnelRelay relay, TunnelFrames frames, TimeProvider time, ILogger<TunnelLifecycle> logger)
{
    /// <summary>The agent accepted a requested tunnel.</summary>
    public async Task OpenAsync(Guid deviceId, Guid tunnelId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync();
        // One conditional statement, not a read then a save: a close committed between the two (the user closing the
        // tunnel as the agent's answer arrives) would be overwritten by "open", leaving a closed tunnel open.
        var opened = await Tunnels(db).Where(t => t.Id == tunnelId && t.DeviceId == deviceId && t.State == TunnelState.Requested)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.State, TunnelState.Open).SetProperty(x => x.OpenedAt, now).SetProperty(x => x.UpdatedAt, now));
        if (opened == 0)
        {
            return;
        }

        var tunnel = await Tunnels(db).AsNoTracking().SingleAsync(t => t.Id == tunnelId);
        scope.ServiceProvider.GetRequiredService<EventRecorder>().Record(EventTypes.TunnelOpened, ResourceTypes.Tunnel, tunnel.Id,
            new TunnelEventData(tunnel.DeviceId, tunnel.DevicePort, tunnel.ExpiresAt), tunnel.OrganizationId);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        logger.LogInformation("Tunnel {TunnelId} to port {Port} of device {DeviceId} is open", tunnel.Id, tunnel.DevicePort, deviceId);
    }

    /// <summary>Closes the tunnel unless it is closed already; the agent (if it accepted it) is told to drop it.</summary>
    public async Task CloseAsync(Guid tunnelId, Guid? deviceId, string reason, string? message, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
        var tunnel = await Tunnels(db).SingleOrDefaultAsync(t => t.Id == tunnelId && t.State != TunnelState.Closed
            && (deviceId == null || t.DeviceId == deviceId), cancellationToken);
        if (tunnel is null)
        {
            return;
        }

        MarkClosed(tunnel, reason, message, time.GetUtcNow().UtcDateTime, scope.ServiceProvider.GetRequiredService<EventRecorder>());
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Tunnel {TunnelId} closed: {Reason}", tunnel.Id, reason);
        await AfterCloseAsync(tunnel, reason, cancellationToken);
    }

    /// <summary>Marks <paramref name="tunnel"/> closed and records its event; the caller saves.</summary>
    public static void MarkClosed(Tunnel tunnel, string reason, string? message, DateTime now, EventRecorder events)
    {
        tunnel.State = TunnelState.Closed;
        tunnel.CloseReason = reason;
        tunnel.CloseMessage = message is { Length: > 300 } ? message[..300] : message;
        tunnel.ClosedAt = now;
        tunnel.UpdatedAt = now;
        events.Record(EventTypes.TunnelClosed, ResourceTypes.Tunnel, tunnel.Id,
            new TunnelEventData(tunnel.DeviceId, tunnel.DevicePort, tunnel.ExpiresAt, reason, tunnel.BytesToDevice, tunnel.BytesFromDevice), tunnel.OrganizationId);
    }

    /// <summary>After a close committed: this node's connections end now (others' at their next sweep), and the agent forgets the tunnel.</summary>
    public async Task AfterCloseAsync(Tunnel tunnel, string reason, CancellationToken cancellationToken)
    {
        relay.Drop(tunnel.Id);
        if (reason is not (TunnelCloseReasons.RefusedPort or TunnelCloseReasons.TunnelsDisabled or TunnelCloseReasons.DeviceOffline))
        {
            await frames.SendAsync(tunnel.DeviceId, Contracts.Control.ControlFrameTypes.TunnelClose, tunnel.Id,
                new TunnelOpenData(tunnel.Id, tunnel.DevicePort), onlineElsewhere: true, cancellationToken);
        }
    }

    /// <summary>The lifecycle crosses organizations: it acts for the device, not for a caller.</summary>
    private static IQueryable<Tunnel> Tunnels(HangarDbContext db) => db.Tunnels.IgnoreQueryFilters([TenantFilter.Name]);
}
