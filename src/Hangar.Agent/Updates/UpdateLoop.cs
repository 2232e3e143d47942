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
    UpdateCheckCycle cycle,
    StatusReporter reporter,
    AgentRun run,
    UpdateTrigger trigger,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<UpdateLoop> logger) : BackgroundService
{
    /// <summary>Committed updates applied back to back (a required release, then the next) before the loop waits.</summary>
    private const int MaxUpdatesInARow = 5;

    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(15);
    private readonly TimeSpan _interval = TimeSpan.FromSeconds(config.Polling.IntervalSeconds);

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
                trigger.Running(true);
                outcome = await cycle.RunAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is HttpRequestException or IOException or DeviceApiException
                || (exception is OperationCanceledException && !stoppingToken.IsCancellationRequested))
            {
                logger.LogWarning("Update check failed: {Reason}", exception.Message);
                await FlushAsync(stoppingToken);
                outcome = UpdateRunOutcome.Interrupted;
            }
            finally
            {
                trigger.Running(false);
            }

            if (outcome == UpdateRunOutcome.RebootRequested)
            {
                Reboot();
                return;
            }

            inARow = outcome == UpdateRunOutcome.Committed ? inARow + 1 : 0;
            if (inARow is > 0 and < MaxUpdatesInARow)
            {
                continue;
            }

            inARow = 0;
            // Unreachable server or interrupted downloads: sooner than the interval, backing off.
            failures = outcome == UpdateRunOutcome.Interrupted ? failures + 1 : 0;
            var delay = failures > 0
                ? RetryBackoff.Delay(failures, FirstRetry, _interval, Random.Shared)
                : _interval + TimeSpan.FromSeconds(Random.Shared.Next(config.Polling.JitterSeconds + 1));
            logger.LogDebug("Next update check in {Delay}", delay);
            // A check-now pushed over the control socket cuts the wait short.
            await trigger.WaitAsync(delay, time, stoppingToken);
        }
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

    /// <summary>
    /// With simulated slots the agent stops and re-executes itself (the next boot). On a real device the reboot
    /// command is running: the agent waits, idle, for the shutdown to stop it, rather than exiting and being
    /// restarted by systemd in the same boot (which would request the reboot again).
    /// </summary>
    private void Reboot()
    {
        run.RebootRequested = true;
        if (config.Boot.SimulatedSlots is not null)
        {
            lifetime.StopApplication();
            return;
        }

        logger.LogInformation("Waiting for the reboot");
    }
}
