using Hangar.Data.Telemetry;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Telemetry;

/// <summary>
/// Drains the queue into the database: whatever is queued (up to <c>Telemetry:WriteBatchPoints</c>) goes in one
/// transaction, so the busier the node the larger and cheaper each write. A failed write is retried with backoff,
/// the batches staying in the queue (which fills, and devices get 503 until the database is back). On shutdown the
/// queue is closed and what it holds is written before the host's shutdown timeout.
/// </summary>
internal sealed class TelemetryWriter(
    TelemetryQueue queue, ITelemetryStatements statements, TimeProvider time, IOptions<TelemetryOptions> options, ILogger<TelemetryWriter> logger)
    : BackgroundService
{
    private readonly CancellationTokenSource _abandon = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Reading ignores stoppingToken: stopping closes the queue instead, so what was accepted is still written.
        var pending = new List<TelemetryWork>();
        while (await queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            var points = 0;
            while (points < options.Value.WriteBatchPoints && queue.Reader.TryRead(out var work))
            {
                pending.Add(work);
                points += work.Points.Length;
            }

            await WriteAsync(pending);
            queue.Written(pending);
            pending.Clear();
        }
    }

    private async Task WriteAsync(List<TelemetryWork> batches)
    {
        var points = new List<TelemetryPointRow>(batches.Sum(b => b.Points.Length));
        foreach (var batch in batches)
        {
            points.AddRange(batch.Points);
        }

        var heartbeats = batches.Where(b => b.Heartbeat is not null).Select(b => b.Heartbeat!)
            .GroupBy(h => h.DeviceId).Select(g => g.MaxBy(h => h.Time)!).ToList();
        var backoff = TimeSpan.FromMilliseconds(250);
        while (true)
        {
            try
            {
                await statements.WriteAsync(points, heartbeats, time.GetUtcNow().ToUnixTimeMilliseconds(), _abandon.Token);
                return;
            }
            catch (OperationCanceledException) when (_abandon.IsCancellationRequested)
            {
                logger.LogError("Shutdown timed out: {Count} telemetry points were not written", points.Count);
                return;
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Writing {Count} telemetry points failed; retrying in {Delay}", points.Count, backoff);
                try
                {
                    await Task.Delay(backoff, time, _abandon.Token);
                }
                catch (OperationCanceledException)
                {
                    logger.LogError("Shutdown timed out: {Count} telemetry points were not written", points.Count);
                    return;
                }

                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Complete();
        // The host's shutdown timeout: past it, what is left is abandoned rather than holding the process.
        await using var registration = cancellationToken.Register(_abandon.Cancel);
        if (ExecuteTask is not null)
        {
            await ExecuteTask;
        }

        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _abandon.Dispose();
        base.Dispose();
    }
}
