namespace Hangar.Agent.State;

public enum ReportStatus
{
    Downloading,
    Installing,
    Rebooting,
    Committed,
    RolledBack,
    Failed,
}
