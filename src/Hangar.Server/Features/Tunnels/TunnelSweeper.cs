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
        List<(Guid Id, string Reason)> due;
        List<Guid> closedHere;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
            var tunnels = db.Tunnels.IgnoreQueryFilters([TenantFilter.Name]);
            var devices = db.Devices.IgnoreQueryFilters([TenantFilter.Name]);
            var certificates = db.DeviceCertificates.IgnoreQueryFilters([TenantFilter.Name]);
            var live = tunnels.Where(t => t.State != TunnelState.Closed);
            var expired = await live.Where(t => t.ExpiresAt <= now).Select(t => t.Id).OrderBy(id => id).Take(Batch).ToListAsync(cancellationToken);
            var quarantined = await live.Where(t => devices.Any(d => d.Id == t.DeviceId && d.Quarantined)).Select(t => t.Id).OrderBy(id => id).Take(Batch).ToListAsync(cancellationToken);
            var revoked = await live.Where(t => certificates.Any(c => c.DeviceId == t.DeviceId && c.Status == CertificateStatus.Revoked && c.RevokedAt >= t.CreatedAt))
                .Select(t => t.Id).OrderBy(id => id).Take(Batch).ToListAsync(cancellationToken);
            due = [.. revoked.Select(id => (id, TunnelCloseReasons.Revoked)), .. quarantined.Select(id => (id, TunnelCloseReasons.Quarantined)),
                .. expired.Select(id => (id, TunnelCloseReasons.Ttl))];
            var active = relay.ActiveTunnels.ToList();
            closedHere = active.Count == 0 ? [] : await tunnels.Where(t => active.Contains(t.Id) && t.State == TunnelState.Closed).Select(t => t.Id).ToListAsync(cancellationToken);
        }

        foreach (var (id, reason) in due.DistinctBy(d => d.Id))
        {
            await lifecycle.CloseAsync(id, null, reason, null, cancellationToken);
        }

        closedHere.ForEach(relay.Drop);
    }
}
