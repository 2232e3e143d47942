namespace Hangar.Contracts.Releases;

/// <summary>
/// How a release's rollout is going, from the updates the release was offered in (one per device).
/// </summary>
/// <param name="DevicesOffered">Devices the update check offered the release to.</param>
/// <param name="States">For each update state (<c>offered</c> = not reported on yet, <c>downloading</c>, <c>downloaded</c>, <c>installing</c>, <c>installed</c>, <c>committed</c>, <c>failed</c>, <c>rolled_back</c>, <c>aborted</c> = stopped by a halt or rollback before installing), how many devices are in it.</param>
/// <param name="Retrying">Of the <c>failed</c>, those the device said it will retry, within the server's retry window: not (yet) a terminal failure.</param>
/// <param name="PhaseClaims">Devices holding a place in the release's numeric phase.</param>
/// <param name="PhaseCapacity">How many places a numeric phase has in the cohort as it is now; null for a tag phase.</param>
/// <param name="CohortDevices">Devices in the release's cohort now.</param>
/// <param name="Finished">Devices whose update reached an outcome: committed, terminally failed (failed and not retrying) or rolled back.</param>
/// <param name="FailureRate">Terminally failed and rolled back over finished, as the failure policy computes it; null while none finished.</param>
/// <param name="Halted">Whether the rollout is halted.</param>
public sealed record ReleaseStatsResponse(
    Guid ReleaseId,
    int DevicesOffered,
    IReadOnlyDictionary<string, int> States,
    int Retrying,
    int PhaseClaims,
    long? PhaseCapacity,
    int CohortDevices,
    int Finished,
    decimal? FailureRate,
    bool Halted);
