using Hangar.Data;
using Hangar.Data.System;
using Hangar.Data.Telemetry;
using Hangar.Server.Hosting;
using Hangar.Server.Hosting.Leases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Telemetry;

/// <summary>
/// Rollups and retention, on one node at a time (the <see cref="LeaseName"/> lease, held for three intervals and
/// renewed every interval). Each run rolls up the points received since the last run's end (kept in
/// <c>system_settings</c>, so a node taking over carries on where the previous holder stopped) up to now minus the
/// settle delay, into 1-minute and 1-hour buckets, then deletes what is past retention per resolution.
/// </summary>
internal sealed class TelemetryMaintenance(
    IServiceScopeFactory scopes, ITelemetryStatements statements, LeaseTable leases, TimeProvider time, IOptions<TelemetryOptions> options,
    ILogger<TelemetryMaintenance> logger) : BackgroundService
{
    public const string LeaseName = "telemetry-maintenance";
    public const string CursorKey = "telemetry.rollup_cursor";
    public static readonly int[] Resolutions = [60, 3600];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.RollupIntervalSeconds), time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Telemetry rollup or retention failed; will retry");
            }
        }
        while (await timer.NextTickAsync(stoppingToken));
    }

    /// <summary>One run if this node holds the lease; false if another does.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!await leases.TryAcquireAsync(LeaseName, TimeSpan.FromSeconds(settings.RollupIntervalSeconds * 3), cancellationToken))
        {
            return false;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
        var now = time.GetUtcNow();
        var to = now.AddSeconds(-settings.RollupSettleSeconds).ToUnixTimeMilliseconds();
        var cursor = await db.SystemSettings.FirstOrDefaultAsync(s => s.Key == CursorKey, cancellationToken);
        var from = cursor is null ? 0 : long.Parse(cursor.Value, System.Globalization.CultureInfo.InvariantCulture);
        if (to > from)
        {
            foreach (var resolution in Resolutions)
            {
                await statements.RollUpAsync(resolution, from, to, cancellationToken);
            }

            var value = to.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (cursor is null)
            {
                db.SystemSettings.Add(new SystemSetting { Key = CursorKey, Value = value, UpdatedAt = now.UtcDateTime });
            }
            else
            {
                cursor.Value = value;
                cursor.UpdatedAt = now.UtcDateTime;
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        await DeleteExpiredAsync(db, now, cancellationToken);
        return true;
    }

    private async Task DeleteExpiredAsync(HangarDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var raw = now.AddDays(-settings.RawRetentionDays).ToUnixTimeMilliseconds();
        var minute = now.AddDays(-settings.MinuteRetentionDays).ToUnixTimeMilliseconds();
        var hour = now.AddDays(-settings.HourRetentionDays).ToUnixTimeMilliseconds();
        var deleted = await db.TelemetryPoints.Where(p => p.ReceivedAt < raw).ExecuteDeleteAsync(cancellationToken);
        deleted += await db.TelemetryRollups.Where(r => r.Resolution == 60 && r.Bucket < minute).ExecuteDeleteAsync(cancellationToken);
        deleted += await db.TelemetryRollups.Where(r => r.Resolution == 3600 && r.Bucket < hour).ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0)
        {
            logger.LogInformation("Deleted {Count} telemetry points and rollups past retention", deleted);
        }
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
            logger.LogDebug(exception, "Releasing the telemetry lease failed; it expires by itself");
        }
    }
}
