namespace Hangar.Agent.Updates;

public enum UpdateRunOutcome
{
    /// <summary>No update was offered (or the device is quarantined).</summary>
    NothingToDo,

    /// <summary>The update failed recently and its retry backoff has not passed.</summary>
    RetryNotDue,

    /// <summary>An earlier install is still pending (a rollback that must be retried at the next start).</summary>
    Busy,

    /// <summary>Installed and committed without a reboot: the device runs the update now.</summary>
    Committed,

    /// <summary>Installed; the reboot into the trial was requested.</summary>
    RebootRequested,

    /// <summary>Failed and reported; the update is retried after its backoff.</summary>
    Failed,

    /// <summary>The server stopped the rollout (halted release, ended override) while the device worked on it.</summary>
    Aborted,

    /// <summary>Downloads could not finish now (network, expired URL); they resume at the next check.</summary>
    Interrupted,
}
