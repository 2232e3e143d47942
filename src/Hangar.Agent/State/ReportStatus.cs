namespace Hangar.Agent.State;

/// <summary>The states of an update the agent reports, named as the server's status endpoint names them.</summary>
public enum ReportStatus
{
    Downloading,
    Downloaded,
    Installing,

    /// <summary>Installed and about to reboot into the trial.</summary>
    Installed,
    Committed,
    Failed,
    RolledBack,

    /// <summary>Stopped before its install because the server no longer offers it.</summary>
    Aborted,
}
