using Hangar.Data;
using Hangar.Data.Tenancy;
using Hangar.Data.Webhooks;
using Hangar.Server.Features.Events;
using Hangar.Server.Hosting.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Webhooks;

/// <summary>
/// Delivers webhooks at least once. Each pass fans new events out into deliveries, then takes due deliveries by
/// setting a lease in the database and sends them concurrently (bounded per endpoint and per node). The outcome is
/// recorded after the send; a node that stops or dies in between records nothing, and the delivery is sent again,
/// with the same <c>webhook-id</c>, once its lease runs out. Woken by committed events and finished sends; polls too.
/// </summary>
internal sealed class WebhookDispatcher(
    IServiceScopeFactory scopes,
    WebhookFanout fanout,
    WebhookSender sender,
    WebhookAttemptRecorder recorder,
    WebhookSecretStore secrets,
    WebhookBacklog backlog,
    EventSignal events,
    TimeProvider time,
    IOptions<WebhooksOptions> options,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    private readonly EventSignal _finished = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, int> _perEndpoint = [];
    private readonly HashSet<Task> _running = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromMilliseconds(options.Value.PollMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            var wake = Task.WhenAny(events.Next, _finished.Next);
            try
            {
                while (await fanout.RunAsync(stoppingToken))
                {
                }

                await StartDueAsync(stoppingToken);
                await RefreshBacklogAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Webhook dispatch pass failed; will retry");
            }

            try
            {
                await EventSignal.WaitAsync(wake, poll, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        Task[] running;
        lock (_gate)
        {
            running = [.. _running];
        }

        await Task.WhenAll(running);
    }

    private async Task StartDueAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        int capacity;
        lock (_gate)
        {
            capacity = settings.MaxConcurrency - _running.Count;
        }

        if (capacity <= 0)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var due = await db.WebhookDeliveries.IgnoreQueryFilters([TenantFilter.Name])
            .Where(d => d.State == WebhookDeliveryState.Pending && d.NextAttemptAt <= now && (d.LeaseUntil == null || d.LeaseUntil < now))
            .Where(d => db.Webhooks.IgnoreQueryFilters(new[] { TenantFilter.Name }).Any(w => w.Id == d.WebhookId && w.State == WebhookState.Enabled))
            .OrderBy(d => d.NextAttemptAt).Take(Math.Max(capacity * 2, 100))
            .Select(d => new { d.Id, d.WebhookId }).ToListAsync(stoppingToken);
        var lease = now.AddSeconds(settings.TimeoutSeconds + 60);
        foreach (var candidate in due)
        {
            lock (_gate)
            {
                if (_perEndpoint.GetValueOrDefault(candidate.WebhookId) >= settings.MaxConcurrencyPerEndpoint)
                {
                    continue;
                }
            }

            var claimed = await db.WebhookDeliveries.IgnoreQueryFilters([TenantFilter.Name])
                .Where(d => d.Id == candidate.Id && d.State == WebhookDeliveryState.Pending && (d.LeaseUntil == null || d.LeaseUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.LeaseUntil, lease), stoppingToken);
            if (claimed == 0)
            {
                continue;
            }

            lock (_gate)
            {
                _perEndpoint[candidate.WebhookId] = _perEndpoint.GetValueOrDefault(candidate.WebhookId) + 1;
                var attempt = Task.Run(() => AttemptAsync(candidate.Id, candidate.WebhookId, stoppingToken), CancellationToken.None);
                _running.Add(attempt);
                _ = attempt.ContinueWith(done => Finished(done, candidate.WebhookId), TaskScheduler.Default);
            }

            if (--capacity == 0)
            {
                return;
            }
        }
    }

    private async Task RefreshBacklogAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await backlog.RefreshIfStaleAsync(scope.ServiceProvider.GetRequiredService<HangarDbContext>(), stoppingToken);
    }

    private async Task AttemptAsync(Guid deliveryId, Guid webhookId, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
            var delivery = await db.WebhookDeliveries.IgnoreQueryFilters([TenantFilter.Name]).AsNoTracking().SingleOrDefaultAsync(d => d.Id == deliveryId, stoppingToken);
            var webhook = await db.Webhooks.IgnoreQueryFilters([TenantFilter.Name]).AsNoTracking().SingleOrDefaultAsync(w => w.Id == webhookId, stoppingToken);
            if (delivery is null || webhook is null)
            {
                return;
            }

            var signing = secrets.SigningSecrets(webhook, time.GetUtcNow().UtcDateTime);
            var result = await sender.SendAsync(webhook.Url, delivery.EventId, delivery.Payload, signing, stoppingToken);
            // Recorded even while stopping: the receiver has answered, and the answer must not be lost.
            await recorder.RecordAsync(deliveryId, result, CancellationToken.None);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped mid-attempt: the lease expires and the delivery is sent again with the same webhook-id.
        }
        catch (Exception exception) when (DatabaseUnavailable.Is(exception))
        {
            logger.LogWarning("Webhook delivery {DeliveryId} attempt could not be recorded, the database is unavailable ({Reason}); it is retried after its lease",
                deliveryId, exception.GetBaseException().Message);
        }
        catch (Exception exception)
        {
            // Unexpected: a bug, so the stack trace is worth its lines.
            logger.LogWarning(exception, "Webhook delivery {DeliveryId} attempt failed unexpectedly; it is retried after its lease", deliveryId);
        }
    }

    private void Finished(Task attempt, Guid webhookId)
    {
        lock (_gate)
        {
            _running.Remove(attempt);
            _perEndpoint[webhookId]--;
            if (_perEndpoint[webhookId] == 0)
            {
                _perEndpoint.Remove(webhookId);
            }
        }

        _finished.Notify();
    }
}
