namespace Hangar.Contracts.Updates;

/// <summary>
/// One device's progress with one offered update (a release or a bundle override). <see cref="State"/> is one of
/// <c>offered, downloading, downloaded, installing, installed, committed, failed, rolled_back, aborted</c>; only
/// <c>committed</c> (after the trial boot) counts as success. <see cref="Retryable"/> is true for a <c>failed</c> update
/// the device said it will try again. <see cref="Duplicate"/> is true when the report was a repeat of one already
/// recorded and changed nothing.
/// </summary>
public sealed record DeviceUpdateResponse(
    Guid Id,
    string Hrn,
    Guid DeviceId,
    Guid? ReleaseId,
    Guid? BundleOverrideId,
    Guid BundleId,
    string State,
    int Attempt,
    int? Progress,
    string? LogTail,
    string? Reason,
    bool Retryable,
    DateTime OfferedAt,
    DateTime? FinishedAt,
    DateTime UpdatedAt,
    bool Duplicate);
