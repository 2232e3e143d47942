namespace Hangar.Agent.State;

/// <param name="Update">The update being installed; its reports name it and a commit makes it what the device runs.</param>
/// <param name="Binaries">The binaries the update installs on this device, recorded as installed once it is committed.</param>
/// <param name="BootAttempts">Starts counted in the trial phase; bounded by boot.max_boot_attempts so a crash loop ends in a rollback.</param>
/// <param name="BootId">The boot the reboot was requested from: the same id on the next start means no reboot happened yet.</param>
/// <param name="Reason">Why a rollback was decided, for its report.</param>
public sealed record PendingCommit(
    UpdateSource Update,
    IReadOnlyList<PlannedBinary> Binaries,
    TrialPhase Phase,
    int BootAttempts,
    DateTimeOffset StartedAt,
    string? BootId = null,
    string? Reason = null);
