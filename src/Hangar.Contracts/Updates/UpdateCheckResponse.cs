namespace Hangar.Contracts.Updates;

/// <summary>
/// The answer to an update check. <see cref="Status"/> is <c>update</c>, <c>no_update</c> or <c>device_quarantined</c>.
/// With <c>update</c>, <see cref="SourceType"/> says whether a <c>release</c> or a <c>bundle_override</c> chose the
/// bundle, and <see cref="Manifest"/> lists every binary of the bundle (the device filters by its targets).
/// <see cref="Reason"/> explains a <c>no_update</c> for people debugging a rollout; devices must not parse it.
/// </summary>
public sealed record UpdateCheckResponse(
    string Status,
    string? SourceType,
    string? Reason,
    UpdateReleaseSummary? Release,
    UpdateOverrideSummary? BundleOverride,
    UpdateBundleSummary? Bundle,
    IReadOnlyList<ManifestEntryResponse> Manifest,
    DateTime? UrlsExpireAt);
