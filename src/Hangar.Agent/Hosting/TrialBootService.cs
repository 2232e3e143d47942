using Hangar.Agent.TrialBoot;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hangar.Agent.Hosting;

/// <summary>At start, finishes any pending install (trial boot, commit or rollback) before anything else runs.</summary>
public sealed class TrialBootService(TrialBootCoordinator coordinator, IHostApplicationLifetime lifetime, ILogger<TrialBootService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var outcome = await coordinator.ResumeAsync(stoppingToken);
        logger.LogInformation("Pending install check: {Outcome}", outcome);
        if (outcome == TrialBootOutcome.RebootRequested)
        {
            // A real reboot command ends this process anyway; with simulated slots the next start is the next boot.
            lifetime.StopApplication();
        }
    }
}
