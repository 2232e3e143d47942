namespace Hangar.Agent.TrialBoot;

/// <summary>
/// The platform's boot switch: real commands (<see cref="CommandBootControl"/>) or simulated slots
/// (<see cref="SimulatedSlots"/>). The trial boot logic is the same for both. Every action must be idempotent:
/// after a power loss it may run again.
/// </summary>
public interface IBootControl
{
    /// <summary>Differs on every boot, so a restart of the agent alone is told apart from a reboot.</summary>
    string BootId { get; }

    /// <summary>Extra environment for the health check (e.g. which slot is running).</summary>
    IReadOnlyDictionary<string, string> HealthCheckEnvironment { get; }

    Task RebootAsync(CancellationToken cancellationToken);

    /// <summary>Marks the running software good.</summary>
    Task CommitAsync(CancellationToken cancellationToken);

    /// <summary>Returns to the software that ran before the install.</summary>
    Task RollbackAsync(CancellationToken cancellationToken);

    /// <summary>An install was interrupted before it was recorded as armed: undo whatever it armed, if the platform can tell.</summary>
    Task DiscardInterruptedInstallAsync(CancellationToken cancellationToken);
}
