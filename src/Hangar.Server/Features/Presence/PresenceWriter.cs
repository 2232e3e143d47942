using Hangar.Server.Hosting;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Presence;

/// <summary>
/// Collects presence changes and writes them in one batch per <c>Presence:FlushMilliseconds</c>, the latest change
/// per device only, so that a reconnect storm costs one statement per device per batch rather than one per flap.
/// Every <c>Presence:RefreshSeconds</c> it renews this node's claims and sweeps the expired claims of dead nodes.
/// On shutdown the node writes nothing more: its claims expire unless the devices come back first (to it or to
/// another node), which a restart then costs no events for.
/// </summary>
internal sealed class PresenceWriter(PresenceStore store, ControlSessions sessions, TimeProvider time, IOptions<PresenceOptions> options, ILogger<PresenceWriter> logger)
    : BackgroundService
{
    private readonly Lock _gate = new();
    private Dictionary<Guid, PresenceChange> _pending = [];
    // Only the writer's loop touches these.
    private readonly Dictionary<Guid, DateTime> _announceAt = [];

    public void Connected(ControlSession session) => Queue(new PresenceChange(session, null));

    public void Disconnected(ControlSession session, DateTime at) => Queue(new PresenceChange(session, at));

    private void Queue(PresenceChange change)
    {
        lock (_gate)
        {
            _pending[change.Session.DeviceId] = change;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(settings.FlushMilliseconds), time);
        var nextRenewal = time.GetUtcNow();
        try
        {
            while (await timer.NextTickAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
                if (time.GetUtcNow() >= nextRenewal)
                {
                    nextRenewal = time.GetUtcNow().AddSeconds(settings.RefreshSeconds);
                    await RenewAndSweepAsync(stoppingToken);
                }

                await AnnounceAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: claims are left to expire (see the summary).
        }
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        Dictionary<Guid, PresenceChange> batch;
        lock (_gate)
        {
            if (_pending.Count == 0)
            {
                return;
            }

            (batch, _pending) = (_pending, []);
        }

        try
        {
            foreach (var (deviceId, announceAt) in await store.WriteAsync(batch.Values, cancellationToken))
            {
                _announceAt[deviceId] = announceAt;
            }

            foreach (var change in batch.Values.Where(c => c.Connected))
            {
                _announceAt.Remove(change.Session.DeviceId);
            }
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Could not write {Count} presence changes; retrying: {Reason}", batch.Count, exception.Message);
            lock (_gate)
            {
                // A change queued meanwhile is newer than the failed one.
                foreach (var (deviceId, change) in batch)
                {
                    _pending.TryAdd(deviceId, change);
                }
            }
        }
    }

    private async Task RenewAndSweepAsync(CancellationToken cancellationToken)
    {
        try
        {
            var held = sessions.Count;
            if (await store.RenewAsync(cancellationToken) < held)
            {
                // Some claim of this node was swept (cut off from the database for a lease): claim them all again.
                foreach (var session in sessions.All)
                {
                    lock (_gate)
                    {
                        _pending.TryAdd(session.DeviceId, new PresenceChange(session, null));
                    }
                }
            }

            var swept = await store.SweepAsync(cancellationToken);
            if (swept > 0)
            {
                logger.LogInformation("Marked {Count} devices offline whose node stopped renewing their presence", swept);
            }
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Could not renew or sweep presence: {Reason}", exception.Message);
        }
    }

    private async Task AnnounceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var due = _announceAt.Where(a => a.Value <= now).Select(a => a.Key).ToList();
        if (due.Count == 0)
        {
            return;
        }

        try
        {
            await store.AnnounceDisconnectsAsync(due, cancellationToken);
            due.ForEach(id => _announceAt.Remove(id));
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Could not announce {Count} disconnects; retrying: {Reason}", due.Count, exception.Message);
        }
    }
}
