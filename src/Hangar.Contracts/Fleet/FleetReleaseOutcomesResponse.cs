namespace Hangar.Contracts.Fleet;

/// <summary>
/// The device updates of one release by outcome. <c>SuccessRate</c> and <c>FailureRate</c> are shares of the finished
/// updates (committed, failed or rolled back; aborted ones were stopped by an operator and count in neither), null
/// while none finished.
/// </summary>
public sealed record FleetReleaseOutcomesResponse(
    Guid ReleaseId,
    string ReleaseName,
    Guid CohortId,
    long Committed,
    long Failed,
    long RolledBack,
    long Aborted,
    long InProgress,
    double? SuccessRate,
    double? FailureRate);
