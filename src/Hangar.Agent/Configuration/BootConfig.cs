namespace Hangar.Agent.Configuration;

/// <summary>Trial boot: how to reboot, check health, commit and roll back. Commands are argv arrays, never a shell line.</summary>
public sealed record BootConfig
{
    public IReadOnlyList<string> RebootCommand { get; set; } = ["systemctl", "reboot"];

    /// <summary>Exit code 0 means healthy. Empty: only the server reachability check decides.</summary>
    public IReadOnlyList<string> HealthCheckCommand { get; set; } = [];

    /// <summary>Marks the booted slot good (e.g. <c>rauc status mark-good</c>). Must be idempotent: it may run twice after power loss.</summary>
    public IReadOnlyList<string> CommitCommand { get; set; } = [];

    /// <summary>Returns to the previous slot (and reboots if the platform needs it). Must be idempotent.</summary>
    public IReadOnlyList<string> RollbackCommand { get; set; } = [];

    /// <summary>Starts allowed in the trial state before the agent gives up and rolls back.</summary>
    public int MaxBootAttempts { get; set; } = 3;

    public int CommandTimeoutSeconds { get; set; } = 300;

    /// <summary>When set, the A/B switch is simulated with two directories instead of the commands above.</summary>
    public SimulatedSlotsConfig? SimulatedSlots { get; set; }
}
