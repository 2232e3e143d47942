using Hangar.Agent.Configuration;
using Hangar.Agent.Downloads;
using Hangar.Agent.Hosting;
using Hangar.Agent.TrialBoot;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hangar.Agent.Updates;

/// <summary>
/// The agent's life: first finish whatever install was pending (trial boot, commit or rollback), then check for an
/// update at start and every polling interval plus a random jitter, apply what is offered, and send queued reports
/// after every step. A failed check is retried sooner, with backoff, but never later than the interval.
/// </summary>
public sealed class UpdateLoop(
    AgentConfig config,
    TrialBootCoordinator coordinator,
    DeviceApi api,
    StatusReporter reporter,
    UpdateRunner runner,
    AgentRun run,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<UpdateLoop> logger) : BackgroundService
{
    /// <summary>Committed updates applied back to back (a required release, then the next) before the loop waits.</summary>
    private const int MaxUpdatesInARow = 5;

    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(15);
    private readonly TimeSpan _interval = TimeSpan.FromSeconds(config.Polling.IntervalSeconds);
    private UpdateCheckResult? _lastAnswer;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var resumed = await coordinator.ResumeAsync(stoppingToken);
        logger.LogInformation("Pending install check: {Outcome}", resumed);
        if (resumed == TrialBootOutcome.RebootRequested)
        {
            Reboot();
            return;
        }

        await FlushAsync(stoppingToken);
        var failures = 0;
        var inARow = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            UpdateRunOutcome outcome;
            try
            {
                outcome = await CheckAndApplyAsync(stoppingToken);
                failures = 0;
            }
            catch (Exception exception) when (exception is HttpRequestException or IOException or DeviceApiException
                || (exception is OperationCanceledException && !stoppingToken.IsCancellationRequested))
            {
                failures++;
                var retry = RetryBackoff.Delay(failures, FirstRetry, _interval, Random.Shared);
                logger.LogWarning("Update check failed ({Reason}); next try in {Delay}", exception.Message, retry);
                await FlushAsync(stoppingToken);
                await Task.Delay(retry, time, stoppingToken);
                continue;
            }

            if (outcome == UpdateRunOutcome.RebootRequested)
            {
                Reboot();
                return;
            }

            await FlushAsync(stoppingToken);
            if (outcome == UpdateRunOutcome.Committed && ++inARow < MaxUpdatesInARow)
            {
                continue;
            }

            inARow = 0;
            await Task.Delay(_interval + TimeSpan.FromSeconds(Random.Shared.Next(config.Polling.JitterSeconds + 1)), time, stoppingToken);
        }
    }

    private async Task<UpdateRunOutcome> CheckAndApplyAsync(CancellationToken cancellationToken)
    {
        var result = await api.CheckAsync(_lastAnswer?.ETag, cancellationToken);
        if (!result.NotModified)
        {
            _lastAnswer = result;
        }

        var answer = _lastAnswer!.Answer!;
        if (answer.Status != "update")
        {
            logger.LogDebug("Update check: {Status} {Reason}", answer.Status, answer.Reason);
        }

        return await runner.ApplyAsync(answer, cancellationToken);
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            await reporter.FlushAsync(cancellationToken);
        }
        catch (IOException exception)
        {
            // The state file could not be written: the reports stay queued and are sent again.
            logger.LogError("Saving delivered reports failed: {Reason}", exception.Message);
        }
    }

    private void Reboot()
    {
        run.RebootRequested = true;
        lifetime.StopApplication();
    }
}
