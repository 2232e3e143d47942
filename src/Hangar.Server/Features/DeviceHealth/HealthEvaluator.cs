using Hangar.Data;
using Hangar.Data.Tenancy;
using Hangar.Server.Features.Events;
using Hangar.Server.Hosting;
using Hangar.Server.Hosting.Leases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.DeviceHealth;

/// <summary>
/// Evaluates every enabled health rule, on one node at a time (the <see cref="LeaseName"/> lease, held for three
/// intervals and renewed every interval): one query per rule over its product's devices
/// (<see cref="HealthRuleQueries"/>), then one transaction per product for what changed (<see cref="HealthTransitions"/>).
/// </summary>
internal sealed class HealthEvaluator(
    IServiceScopeFactory scopes, LeaseTable leases, TimeProvider time, IOptions<DeviceHealthOptions> options, ILogger<HealthEvaluator> logger) : BackgroundService
{
    public const string LeaseName = "device-health-evaluation";

    // One evaluation at a time on this node: the lease keeps other nodes out, not a second run here (a run asked for
    // while the timer's is under way), and two runs would both see the same transitions.
    private readonly SemaphoreSlim _running = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.EvaluationIntervalSeconds), time);
        while (await timer.NextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Device health evaluation failed; will retry");
            }
        }
    }

    /// <summary>One evaluation if this node holds the lease; false if another does.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        await _running.WaitAsync(cancellationToken);
        try
        {
            if (!await leases.TryAcquireAsync(LeaseName, TimeSpan.FromSeconds(options.Value.EvaluationIntervalSeconds * 3), cancellationToken))
            {
                return false;
            }

            await EvaluateAsync(cancellationToken);
            return true;
        }
        finally
        {
            _running.Release();
        }
    }

    private async Task EvaluateAsync(CancellationToken cancellationToken)
    {

        List<Data.DeviceHealth.HealthRule> rules;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
            rules = await db.HealthRules.IgnoreQueryFilters([TenantFilter.Name]).AsNoTracking().Where(r => r.Enabled).ToListAsync(cancellationToken);
            // Devices of products left without an enabled rule (a product deleted with its rules, a missed clearing) have no health.
            var ruled = db.HealthRules.IgnoreQueryFilters([TenantFilter.Name]).Where(r => r.Enabled).Select(r => r.ProductId);
            await db.Devices.IgnoreQueryFilters([TenantFilter.Name]).Where(d => d.Healthy != null && !ruled.Contains(d.ProductId))
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.Healthy, (bool?)null), cancellationToken);
        }

        foreach (var product in rules.GroupBy(r => r.ProductId))
        {
            // A scope per product keeps each change tracker to one product's failures.
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
            var events = scope.ServiceProvider.GetRequiredService<EventRecorder>();
            var now = time.GetUtcNow();
            var failing = new Dictionary<(Guid DeviceId, Guid RuleId), double?>();
            foreach (var rule in product)
            {
                foreach (var device in await HealthRuleQueries.FailingAsync(db, rule, now, cancellationToken))
                {
                    failing[(device.DeviceId, rule.Id)] = device.Value;
                }
            }

            await HealthTransitions.ApplyAsync(db, events, product.Key, [.. product], failing, now.UtcDateTime, cancellationToken);
        }
    }

    public override void Dispose()
    {
        _running.Dispose();
        base.Dispose();
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await leases.ReleaseAsync(LeaseName, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogDebug(exception, "Releasing the device health lease failed; it expires by itself");
        }
    }
}
