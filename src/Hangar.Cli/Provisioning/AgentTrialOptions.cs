using System.CommandLine;

namespace Hangar.Cli.Provisioning;

/// <summary>
/// The options of `devices provision` for the agent settings a trial changes (<see cref="AgentTrialSettings"/>), checked
/// against the same limits as the agent's configuration check, so the written file always loads.
/// </summary>
internal sealed class AgentTrialOptions
{
    private const int MinPollInterval = 10;
    private const int MaxPollInterval = 7 * 24 * 3600;
    private const int AgentDefaultInterval = 1800;

    private readonly Option<int?> _pollInterval = new("--poll-interval")
    {
        Description = $"Seconds between the agent's update checks, {MinPollInterval} to {MaxPollInterval} (agent default {AgentDefaultInterval}; a trial wants 10 to 60).",
        HelpName = "seconds",
    };

    private readonly Option<int?> _pollJitter = new("--poll-jitter")
    {
        Description = "Up to this many random seconds added to each interval, at most the interval (agent default 300; 0 when only --poll-interval is given).",
        HelpName = "seconds",
    };

    private readonly Option<string?> _healthCheck = new("--health-check")
    {
        Description = "A shell command (run with /bin/sh -c) deciding each trial boot: exit code 0 commits the update, anything else rolls it back. With --simulated-slots, $HANGAR_SLOT_DIRECTORY is the booted slot's directory.",
        HelpName = "command",
    };

    private readonly Option<int?> _maxBootAttempts = new("--max-boot-attempts")
    {
        Description = "Trial boots allowed before the agent rolls back, 1 to 100 (agent default 3).",
        HelpName = "n",
    };

    public void AddTo(Command command)
    {
        command.Add(_pollInterval);
        command.Add(_pollJitter);
        command.Add(_healthCheck);
        command.Add(_maxBootAttempts);
    }

    public AgentTrialSettings Read(ParseResult parseResult)
    {
        var interval = parseResult.GetValue(_pollInterval);
        if (interval is < MinPollInterval or > MaxPollInterval)
        {
            throw new CommandException(ExitCodes.UsageError, $"--poll-interval must be {MinPollInterval} to {MaxPollInterval} seconds, not {interval}.");
        }

        // A short interval plus the agent's default jitter (300 s) would not be short: with --poll-interval alone it is 0.
        var jitter = parseResult.GetValue(_pollJitter) ?? (interval is null ? null : 0);
        if (jitter < 0 || jitter > (interval ?? AgentDefaultInterval))
        {
            throw new CommandException(ExitCodes.UsageError, $"--poll-jitter must be 0 to {interval ?? AgentDefaultInterval} seconds (the polling interval), not {jitter}.");
        }

        var healthCheck = parseResult.GetValue(_healthCheck);
        if (healthCheck is not null && string.IsNullOrWhiteSpace(healthCheck))
        {
            throw new CommandException(ExitCodes.UsageError, "--health-check must be a command, not empty.");
        }

        var attempts = parseResult.GetValue(_maxBootAttempts);
        if (attempts is < 1 or > 100)
        {
            throw new CommandException(ExitCodes.UsageError, $"--max-boot-attempts must be 1 to 100, not {attempts}.");
        }

        return new AgentTrialSettings(interval, jitter, healthCheck, attempts);
    }
}
