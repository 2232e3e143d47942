namespace Hangar.Agent.Updates;

/// <param name="Targets">Binaries with one of these targets are for this device.</param>
/// <param name="PollingInterval">The first retry delay of a failed update.</param>
/// <param name="ProgressInterval">How often download progress is sent.</param>
public sealed record UpdateRunnerOptions(IReadOnlyList<string> Targets, TimeSpan PollingInterval, TimeSpan ProgressInterval);
