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

    /// <summary>The install failed; nothing is recorded as installed.</summary>
    Failed,

    /// <summary>An install was cut by a restart; reported as a retryable failure, and the update is tried again at once.</summary>
    Interrupted,

    /// <summary>The server answered the <c>installing</c> report that it stopped the update; nothing was installed.</summary>
    Aborted,

    /// <summary>The rollback action itself failed; it is retried on the next start.</summary>
    RollbackFailed,
}
