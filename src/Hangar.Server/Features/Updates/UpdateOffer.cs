using Hangar.Data.Queries;
using Hangar.Data.Releases;

namespace Hangar.Server.Features.Updates;

/// <summary>
/// An update check's decision in no protocol's terms (docs/adr/0007): what the device should run (the bundle of a release
/// or of a bundle override, with its binaries, sizes, hashes and signatures), why (the reason there is none, or the
/// release or override chosen), and where to download each binary until when. The native device API renders it
/// (<see cref="NativeUpdateAnswers"/>); another device protocol renders the same offer without touching the decision.
/// </summary>
/// <remarks>
/// Offers with equal <see cref="Fingerprint"/>s are identical, download URLs included: a renderer decides "not
/// modified" and reuses a serialized body by it, and mints the URLs (<see cref="Downloads"/>) only when it builds one.
/// </remarks>
internal sealed class UpdateOffer
{
    private readonly UpdateDownloadUrls? _urls;
    private readonly DownloadLinks? _links;

    private UpdateOffer(
        UpdateDecision decision, string? reason, Guid organizationId, ReleaseFacts? release, OverrideFacts? bundleOverride, UpdateManifest? manifest,
        DateTimeOffset? urlsExpireAt, string fingerprint, UpdateDownloadUrls? urls, DownloadLinks? links)
    {
        Decision = decision;
        Reason = reason;
        OrganizationId = organizationId;
        Release = release;
        Override = bundleOverride;
        Manifest = manifest;
        UrlsExpireAt = urlsExpireAt;
        Fingerprint = fingerprint;
        _urls = urls;
        _links = links;
    }

    public UpdateDecision Decision { get; }

    /// <summary>Why there is nothing to install (null with an update).</summary>
    public string? Reason { get; }

    /// <summary>The device's organization.</summary>
    public Guid OrganizationId { get; }

    /// <summary>The release chosen (its <c>Required</c> says whether the device may postpone it), or null.</summary>
    public ReleaseFacts? Release { get; }

    /// <summary>The bundle override chosen, or null.</summary>
    public OverrideFacts? Override { get; }

    /// <summary>
    /// The update the device reports on: with the device, it names the one device update row its status reports move
    /// (and a protocol's stable action id). Null without an update.
    /// </summary>
    public OfferKey? Key => Release is { } release ? new OfferKey(release.Id, null) : Override is { } o ? new OfferKey(null, o.Id) : null;

    /// <summary>The bundle to install and its binaries in install order; null without an update.</summary>
    public UpdateManifest? Manifest { get; }

    /// <summary>When the download URLs stop working; null without an update.</summary>
    public DateTimeOffset? UrlsExpireAt { get; }

    /// <summary>Changes whenever anything the offer says changes (32 hexadecimal digits).</summary>
    public string Fingerprint { get; }

    public static UpdateOffer Nothing(UpdateDecision decision, string reason, Guid organizationId, string fingerprint) =>
        new(decision, reason, organizationId, null, null, null, null, fingerprint, null, null);

    public static UpdateOffer Install(
        Guid organizationId, ReleaseFacts? release, OverrideFacts? bundleOverride, UpdateManifest manifest, DateTimeOffset urlsExpireAt, string fingerprint,
        UpdateDownloadUrls urls, DownloadLinks links) =>
        new(UpdateDecision.Update, null, organizationId, release, bundleOverride, manifest, urlsExpireAt, fingerprint, urls, links);

    /// <summary>Mints the binaries' download URLs, in install order (empty without an update): call it once per body built.</summary>
    public IReadOnlyList<BinaryDownload> Downloads() =>
        Manifest is null || _urls is null || _links is null || UrlsExpireAt is not { } expiresAt
            ? []
            : [.. Manifest.Binaries.Select(b => _urls.For(b, _links, expiresAt))];
}
