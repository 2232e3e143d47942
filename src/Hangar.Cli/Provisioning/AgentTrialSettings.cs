namespace Hangar.Cli.Provisioning;

/// <summary>
/// The agent settings a trial changes from the agent's defaults (docs/agent.md), so nobody edits the generated JSON
/// by hand; null leaves the agent's default.
/// </summary>
/// <param name="HealthCheck">A shell command (run with <c>/bin/sh -c</c>) whose exit code 0 means the trial boot is healthy.</param>
internal sealed record AgentTrialSettings(int? PollIntervalSeconds, int? PollJitterSeconds, string? HealthCheck, int? MaxBootAttempts);
