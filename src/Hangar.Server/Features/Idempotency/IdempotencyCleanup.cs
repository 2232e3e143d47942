using Hangar.Data;
using Hangar.Data.Tenancy;
using Hangar.Server.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Idempotency;

/// <summary>Deletes idempotency records past their 24 hours, once an hour.</summary>
internal sealed class IdempotencyCleanup(IServiceScopeFactory scopes, TimeProvider time, ILogger<IdempotencyCleanup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
                var now = time.GetUtcNow().UtcDateTime;
                var deleted = await db.IdempotencyRecords.IgnoreQueryFilters([TenantFilter.Name]).Where(r => r.ExpiresAt <= now).ExecuteDeleteAsync(stoppingToken);
                if (deleted > 0)
                {
                    logger.LogInformation("Deleted {Count} expired idempotency records", deleted);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Idempotency clean-up failed; will retry");
            }
        }
        while (await timer.NextTickAsync(stoppingToken));
    }
}
