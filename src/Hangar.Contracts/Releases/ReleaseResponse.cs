namespace Hangar.Contracts.Releases;

/// <summary>
/// A release of a cohort. <see cref="NextReleaseId"/> null means it is the cohort's latest release.
/// <see cref="ScheduleComplete"/> says whether the schedule date (if any) has passed. <see cref="PhaseClaims"/> counts
/// the devices holding a place in a numeric phase. <see cref="HaltedAt"/> is set while the rollout is halted (by an
/// operator or the failure policy); the release is then disabled.
/// </summary>
public sealed record ReleaseResponse(
    Guid Id,
    string Hrn,
    string Name,
    string? Description,
    Guid CohortId,
    Guid BundleId,
    Guid? NextReleaseId,
    bool Required,
    bool Disabled,
    DateTime? ScheduleDate,
    bool ScheduleComplete,
    string PhaseMode,
    decimal PhaseValue,
    IReadOnlyList<string> PhaseTags,
    int PhaseClaims,
    string? Version,
    string? VersionRequirement,
    decimal? HaltFailureRate,
    int? HaltMinimumDevices,
    DateTime? HaltedAt,
    string? HaltReason,
    Guid? RollbackOfReleaseId,
    DateTime CreatedAt,
    DateTime UpdatedAt);
