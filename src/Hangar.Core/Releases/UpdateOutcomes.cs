namespace Hangar.Core.Releases;

/// <summary>
/// How the devices offered one release are doing, counted from their updates' current states (a device that failed and
/// started a new attempt counts where its new attempt is). <see cref="Failed"/> counts terminal failures only: a
/// failure the device said it will retry counts once its retry window passed without a new attempt. Aborted updates
/// (the rollout was stopped before they installed) are no outcome of the software and count neither way.
/// </summary>
public readonly record struct UpdateOutcomes(int Committed, int Failed, int RolledBack)
{
    /// <summary>Devices whose current attempt is over: committed, failed or rolled back.</summary>
    public int Finished => Committed + Failed + RolledBack;

    /// <summary>Failed or rolled back: the trial boot or the installer did not succeed.</summary>
    public int Unsuccessful => Failed + RolledBack;
}
