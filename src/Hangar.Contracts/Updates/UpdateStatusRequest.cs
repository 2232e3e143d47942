namespace Hangar.Contracts.Updates;

/// <summary>
/// A device's progress report on an offered update. <see cref="ReportId"/> is chosen by the device (a UUID) and kept
/// when the report is re-sent, so a repeat is recognised. Exactly one of <see cref="Release"/> and
/// <see cref="BundleOverride"/> names the update (id or hrn, as the update check gave it). <see cref="State"/> is one of
/// <c>downloading, downloaded, installing, installed, committed, failed, rolled_back, aborted</c> (<c>aborted</c>: the
/// device stopped because the rollout was stopped; from any state that is not final). <see cref="Retryable"/> goes with
/// <c>failed</c>: true when the device will try again by itself (an install interrupted by a power loss), so the failure
/// only counts toward the release's failure policy if no new attempt starts within the server's retry window.
/// </summary>
public sealed record UpdateStatusRequest(
    Guid ReportId,
    string State,
    string? Release = null,
    string? BundleOverride = null,
    int? Progress = null,
    string? LogTail = null,
    string? Reason = null,
    bool? Retryable = null);
