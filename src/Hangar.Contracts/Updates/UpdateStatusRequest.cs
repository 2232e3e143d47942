namespace Hangar.Contracts.Updates;

/// <summary>
/// A device's progress report on an offered update. <see cref="ReportId"/> is chosen by the device (a UUID) and kept
/// when the report is re-sent, so a repeat is recognised. Exactly one of <see cref="Release"/> and
/// <see cref="BundleOverride"/> names the update (id or hrn, as the update check gave it). <see cref="State"/> is one of
/// <c>downloading, downloaded, installing, installed, committed, failed, rolled_back</c>.
/// </summary>
public sealed record UpdateStatusRequest(
    Guid ReportId,
    string State,
    string? Release = null,
    string? BundleOverride = null,
    int? Progress = null,
    string? LogTail = null,
    string? Reason = null);
