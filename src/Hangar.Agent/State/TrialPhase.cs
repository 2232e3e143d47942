namespace Hangar.Agent.State;

/// <summary>Where an install stands. Each phase is saved before the action it leads to, so a restart knows what to redo.</summary>
public enum TrialPhase
{
    /// <summary>The installer is running; a restart here means it was interrupted.</summary>
    Installing,

    /// <summary>Installed, the boot switch armed, the reboot requested.</summary>
    AwaitingReboot,

    /// <summary>Started at least once on the new software; the health check decides.</summary>
    Trial,

    /// <summary>Decided good: the commit action runs (again after a power loss).</summary>
    Committing,

    /// <summary>Decided bad: the rollback action runs (again after a power loss).</summary>
    RollingBack,
}
