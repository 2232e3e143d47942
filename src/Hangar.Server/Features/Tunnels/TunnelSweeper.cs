using Hangar.Data;
using Hangar.Data.Devices;
using Hangar.Data.Tenancy;
using Hangar.Data.Tunnels;
using Hangar.Server.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Tunnels;

/// <summary>
/// Every <c>Tunnels:SweepSeconds</c>: closes the tunnels past their TTL, and those whose device was quarantined or
/// had a certificate revoked since the tunnel was requested; then drops this node's connections of any tunnel that
/// is closed (whichever node closed it). Every node sweeps; a close is written once (only a tunnel not closed yet).
/// </summary>
internal sealed class TunnelSweeper(IServiceScopeFactory scopes, TunnelLifecycle lifecycle, TunnelRelay relay, TimeProvider time,
    IOptions<TunnelsOptions> options, ILogger<TunnelSweeper> logger) : BackgroundService
{
    private const int Batch = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.SweepSeconds), time);
        try
        {
            while (await timer.NextTickAsync(stoppingToken))
            {
                try
                {
                    await SweepAsync(stoppingToken);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning("Could not sweep tunnels: {Reason}", exception.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the relayed connections end with their requests.
        }
    }

    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        List<Due> due;
        List<Guid> closedHere;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
            var tunnels = db.Tunnels.IgnoreQueryFilters([TenantFilter.Name]);
            var devices = db.Devices.IgnoreQueryFilters([TenantFilter.Name]);
            var certificates = db.DeviceCertificates.IgnoreQueryFilters([TenantFilter.Name]);
            // One query a tick, whatever is due and why: on an idle server it is one probe of the (state, expires_at)
            // index that finds nothing. Every node asks the database rather than its memory, since the node that
            // created a tunnel may be gone when it expires (docs/adr/0014-tunnel-relay.md).
            var found = await tunnels
                .Where(t => t.State == TunnelState.Requested || t.State == TunnelState.Open)
                .Select(t => new
                {
                    t.Id,
                    Revoked = certificates.Any(c => c.DeviceId == t.DeviceId && c.Status == CertificateStatus.Revoked && c.RevokedAt >= t.CreatedAt),
                    Quarantined = devices.Any(d => d.Id == t.DeviceId && d.Quarantined),
                    Expired = t.ExpiresAt <= now,
                })
                .Where(t => t.Revoked || t.Quarantined || t.Expired)
                .OrderBy(t => t.Id).Take(Batch).ToListAsync(cancellationToken);
            due = [.. found.Select(t => new Due(t.Id, t.Revoked, t.Quarantined))];
            var active = relay.ActiveTunnels.ToList();
            closedHere = active.Count == 0 ? [] : await tunnels.Where(t => active.Contains(t.Id) && t.State == TunnelState.Closed).Select(t => t.Id).ToListAsync(cancellationToken);
        }

        foreach (var tunnel in due)
        {
            await lifecycle.CloseAsync(tunnel.Id, null, tunnel.Reason, null, cancellationToken);
        }

        closedHere.ForEach(relay.Drop);
    }

    /// <summary>A tunnel to close; a revocation names the reason before a quarantine, and either before the TTL.</summary>
    private sealed record Due(Guid Id, bool Revoked, bool Quarantined)
    {
        public string Reason => Revoked ? TunnelCloseReasons.Revoked : Quarantined ? TunnelCloseReasons.Quarantined : TunnelCloseReasons.Ttl;
    }
}
