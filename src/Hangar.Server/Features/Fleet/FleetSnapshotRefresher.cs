using Hangar.Data;
using Hangar.Server.Hosting;
using Hangar.Server.Hosting.Observability;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Fleet;

/// <summary>
/// Recomputes the fleet gauges on an interval (<c>Observability:FleetGaugeSeconds</c>): one query pass per interval per
/// node, whatever the number of scrapes. A failed pass (database down) keeps the previous snapshot and says so in
/// the log; <c>hangar.fleet.snapshot.time</c> then stops advancing, which is what an alert should watch.
/// </summary>
internal sealed partial class FleetSnapshotRefresher(
    IServiceScopeFactory scopes, FleetGauges gauges, IOptions<ObservabilityOptions> options, TimeProvider time, ILogger<FleetSnapshotRefresher> logger)
    : BackgroundService
{
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
        var pass = gauges.BeginPass();
        var now = time.GetUtcNow();
        var settings = options.Value;
        var snapshot = await FleetSnapshotQuery.LoadAsync(db, now.UtcDateTime, settings.FleetGaugeTopGroups, settings.FleetGaugeTopReleases, cancellationToken);
        gauges.Publish(pass, snapshot, now);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.FleetGaugeSeconds), time);
        do
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogRefreshFailed(logger, exception.GetType().Name, exception.Message);
            }
        }
        while (await timer.NextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fleet gauges not refreshed ({ExceptionType}: {Reason}); the previous values stay.")]
    private static partial void LogRefreshFailed(ILogger logger, string exceptionType, string reason);
}
