using System.Text.Json;
using System.Threading.RateLimiting;
using Hangar.Contracts;
using Hangar.Contracts.Common;
using Hangar.Contracts.Telemetry;
using Hangar.Data.Telemetry;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Telemetry;

/// <summary>
/// The one way telemetry enters the server, whatever carried it (<c>POST /device/v1/telemetry</c>, a control-socket
/// frame): limits, then the device's point budget, then room in the queue, then series. Needs no request scope, so
/// a socket can call it. Accepted batches are written shortly after (<see cref="TelemetryWriter"/>); no audit row or
/// event is made per batch.
/// </summary>
internal sealed class TelemetryIntake(
    TelemetryQueue queue, TelemetrySeriesRegistry series, TimeProvider time, IOptions<TelemetryOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<Guid> _budgets = PartitionedRateLimiter.Create<Guid, Guid>(device =>
        RateLimitPartition.GetTokenBucketLimiter(device, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.Value.PointsPerDeviceBurst,
            TokensPerPeriod = Math.Max(1, options.Value.PointsPerDevicePerMinute / 60),
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    /// <summary>
    /// Refuses a batch before it is read or parsed when the queue has no room for a largest one
    /// (<c>Telemetry:MaxPointsPerBatch</c>): an overloaded node then spends nothing on batches it would drop, and its
    /// CPU goes to the writer that makes room. A smaller batch that might still have fit is refused too, and retried.
    /// </summary>
    public TelemetryRefusal? ShedWhenFull() => queue.Sheds(options.Value.MaxPointsPerBatch) ? QueueFull() : null;

    public async Task<(TelemetryBatchResponse? Accepted, TelemetryRefusal? Refusal)> AcceptAsync(
        Guid organizationId, Guid deviceId, TelemetryBatchRequest batch, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var refusal = TelemetryBatchReader.TryRead(batch, options.Value, now, out var points);
        if (refusal is not null)
        {
            return (null, refusal);
        }

        using var budget = _budgets.AttemptAcquire(deviceId, Math.Min(points.Count, options.Value.PointsPerDeviceBurst));
        if (!budget.IsAcquired)
        {
            var wait = budget.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(60);
            return (null, new TelemetryRefusal(StatusCodes.Status429TooManyRequests, ErrorCodes.TelemetryRateLimited,
                $"The device sends more than {options.Value.PointsPerDevicePerMinute} points a minute; retry after Retry-After seconds.", RetryAfter: wait));
        }

        if (queue.Depth + points.Count > options.Value.QueueCapacityPoints)
        {
            return (null, QueueFull());
        }

        var (ids, limit) = await series.ResolveAsync(organizationId, deviceId, points, cancellationToken);
        if (limit is not null)
        {
            return (null, limit);
        }

        var rows = new TelemetryPointRow[points.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = new TelemetryPointRow(ids![i], points[i].Time, points[i].Value);
        }

        var heartbeats = batch.Heartbeats ?? [];
        var newest = heartbeats.Count == 0 ? null : heartbeats.MaxBy(h => h.Time)!;
        var heartbeat = newest is null ? null : new HeartbeatRow(deviceId, organizationId, newest.Time,
            JsonSerializer.Serialize(newest, HangarJsonContext.Default.HeartbeatRequest));
        return queue.TryEnqueue(new TelemetryWork(rows, heartbeat))
            ? (new TelemetryBatchResponse(points.Count, heartbeats.Count), null)
            : (null, QueueFull());
    }

    private static TelemetryRefusal QueueFull() => new(StatusCodes.Status503ServiceUnavailable, ErrorCodes.TelemetryQueueFull,
        "The server's telemetry queue is full; nothing of the batch was stored. Retry after Retry-After seconds.", RetryAfter: TimeSpan.FromSeconds(5));

    public void Dispose() => _budgets.Dispose();
}
