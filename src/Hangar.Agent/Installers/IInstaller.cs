using System.Text.Json.Nodes;

namespace Hangar.Agent.Installers;

/// <summary>Installs one verified binary. Must leave nothing half-installed that it reports as failed.</summary>
public interface IInstaller
{
    string Name { get; }

    Task<InstallOutcome> InstallAsync(InstallRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// The install target the running software reads this binary from: the key under which the agent records what
    /// the target holds (docs/agent.md, "What the device holds"). Derived from the configuration and the binary's
    /// artifact and options, never from its id, so a later version of the same thing lands in the same target.
    /// </summary>
    string RunningTarget(string artifact, JsonObject options);

    /// <summary>The target an install writes to now: the running target, except for A/B slots (the inactive slot).</summary>
    string InstallTarget(string artifact, JsonObject options) => RunningTarget(artifact, options);
}
