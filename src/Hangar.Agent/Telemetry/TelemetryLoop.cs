using Hangar.Agent.Configuration;
using Hangar.Agent.Downloads;
using Hangar.Agent.Telemetry.Collectors;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hangar.Agent.Telemetry;

/// <summary>
/// Every <c>telemetry.interval_seconds</c>: a heartbeat and the scripts' metrics into the buffer, then the buffer to
/// the server. While the server cannot take them (unreachable, 429, 503) points keep being collected and buffered,
/// and sending waits for the server's Retry-After, or a backoff from one interval up to an hour.
/// </summary>
internal sealed class TelemetryLoop(AgentConfig config, HeartbeatCollector heartbeats, MetricScripts scripts, TelemetryBuffer buffer,
    TelemetrySender sender, TimeProvider time, ILogger<TelemetryLoop> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.Telemetry.Enabled)
        {
            logger.LogInformation("Telemetry disabled");
            return;
        }

        var interval = TimeSpan.FromSeconds(config.Telemetry.IntervalSeconds);
        var notBefore = DateTimeOffset.MinValue;
        var failures = 0;
        var droppedLogged = 0L;
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            await CollectAsync(stoppingToken);
            if (buffer.Dropped > droppedLogged)
            {
                logger.LogWarning("Telemetry buffer full: {Dropped} oldest entries dropped so far", buffer.Dropped);
                droppedLogged = buffer.Dropped;
            }

            if (time.GetUtcNow() < notBefore)
            {
                continue;
            }

            var stopped = await sender.FlushAsync(stoppingToken);
            if (stopped is null)
            {
                failures = 0;
                continue;
            }

            failures++;
            var delay = stopped.RetryAfter ?? RetryBackoff.Delay(failures, interval, MaxBackoff > interval ? MaxBackoff : interval, Random.Shared);
            notBefore = time.GetUtcNow() + delay;
            logger.LogWarning("Telemetry not delivered ({Reason}): {Points} points buffered, next attempt in {Delay}", stopped.Description, buffer.Points, delay);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task CollectAsync(CancellationToken cancellationToken)
    {
        try
        {
            buffer.Add(heartbeats.Collect(time.GetUtcNow().UtcDateTime));
            foreach (var point in await scripts.CollectAsync(cancellationToken))
            {
                buffer.Add(point);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Collecting telemetry failed: {Reason}", exception.Message);
        }
    }
}
