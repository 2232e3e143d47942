using Hangar.Agent.Configuration;
using Hangar.Agent.Hosting;
using Hangar.Agent.State;
using Hangar.Agent.TrialBoot;
using Hangar.Agent.Updates;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hangar.Agent.Control;

/// <summary>
/// A reboot the server asked for, through the same machinery an install's reboot uses (the boot control's reboot
/// command; with simulated slots, the agent re-executing itself). Refused while an update check or install runs, or
/// while an install waits for its reboot or its trial boot is not committed: rebooting then would interrupt it or
/// count as a failed trial.
/// </summary>
public sealed class RemoteReboot(AgentConfig config, StateStore state, UpdateTrigger updates, IBootControl boot, AgentRun run,
    IHostApplicationLifetime lifetime, ILogger<RemoteReboot> logger)
{
    /// <summary>Why a reboot now would be refused, or null.</summary>
    public string? Refusal() =>
        updates.InProgress ? "an update check or install is in progress"
        : state.Current.PendingCommit is not null ? "an install awaits its reboot or its trial boot is not committed"
        : null;

    public async Task RebootAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Rebooting as the server asked");
        run.RebootRequested = true;
        await boot.RebootAsync(cancellationToken);
        if (config.Boot.SimulatedSlots is not null)
        {
            lifetime.StopApplication();
        }
    }
}
