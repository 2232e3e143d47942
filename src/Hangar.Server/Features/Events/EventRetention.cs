using Hangar.Data;
using Hangar.Data.Tenancy;
using Hangar.Server.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Events;

/// <summary>Deletes events older than <c>Events:RetentionDays</c>, once an hour.</summary>
internal sealed class EventRetention(IServiceScopeFactory scopes, TimeProvider time, IOptions<EventsOptions> options, ILogger<EventRetention> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        do
        {
            try
            {
                var deleted = await DeleteExpiredAsync(stoppingToken);
                if (deleted > 0)
                {
                    logger.LogInformation("Deleted {Count} events past retention", deleted);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Event clean-up failed; will retry");
            }
        }
        while (await timer.NextTickAsync(stoppingToken));
    }

    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
        var cutoff = time.GetUtcNow().UtcDateTime.AddDays(-options.Value.RetentionDays);
        return await db.Events.IgnoreQueryFilters([TenantFilter.Name]).Where(e => e.Time < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
