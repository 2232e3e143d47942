namespace Hangar.Agent.TrialBoot;

public enum TrialBootOutcome
{
    /// <summary>Nothing was pending.</summary>
    Idle,

    /// <summary>Installed without a reboot and recorded.</summary>
    Installed,

    /// <summary>The reboot was requested; the agent stops and its next start continues.</summary>
    RebootRequested,

    Committed,

    RolledBack,

    /// <summary>The install failed or was interrupted; nothing is recorded as installed.</summary>
    Failed,

    /// <summary>The rollback action itself failed; it is retried on the next start.</summary>
    RollbackFailed,
}
