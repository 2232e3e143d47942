using System.Security.Cryptography;
using System.Text;
using Hangar.Data.Queries;

namespace Hangar.Server.Features.Updates;

/// <summary>
/// Builds an update check's offers and their fingerprints. Download URL expiries are rounded up to a step
/// (<see cref="UpdatesOptions.DownloadUrlStepSeconds"/>) so that repeated checks produce identical offers, and the
/// fingerprint hashes what the offer is made of, so it is known without minting a URL.
/// </summary>
internal static class UpdateOffers
{
    // The first word of each fingerprint's input: the native answer's statuses, kept so that entity tags handed out
    // before offers existed still match.
    private const string NoUpdateKey = "no_update";
    private const string QuarantinedKey = "device_quarantined";

    public static UpdateOffer Quarantined(Guid organizationId)
    {
        const string reason = "the device is quarantined";
        return UpdateOffer.Nothing(UpdateDecision.Quarantined, reason, organizationId, Fingerprint($"{QuarantinedKey}|{reason}"));
    }

    public static UpdateOffer NoUpdate(Guid organizationId, string reason) =>
        UpdateOffer.Nothing(UpdateDecision.NoUpdate, reason, organizationId, Fingerprint($"{NoUpdateKey}|{reason}"));

    public static UpdateOffer FromRelease(
        ReleaseFacts release, UpdateManifest manifest, UpdateDownloadUrls urls, DownloadLinks links, DateTimeOffset expiresAt) =>
        UpdateOffer.Install(release.OrganizationId, release, null, manifest, expiresAt,
            Fingerprint($"release|{release.Id}|{release.Name}|{release.Version}|{release.Required}|{Key(manifest, links, expiresAt)}"), urls, links);

    public static UpdateOffer FromOverride(
        OverrideFacts bundleOverride, Guid organizationId, UpdateManifest manifest, UpdateDownloadUrls urls, DownloadLinks links, DateTimeOffset expiresAt) =>
        UpdateOffer.Install(organizationId, null, bundleOverride, manifest, expiresAt,
            Fingerprint($"override|{bundleOverride.Id}|{bundleOverride.Name}|{bundleOverride.StartsAt:O}|{bundleOverride.EndsAt:O}|{Key(manifest, links, expiresAt)}"),
            urls, links);

    /// <summary>The expiry for URLs handed out now: at least the lifetime away, rounded up to the step.</summary>
    public static DateTimeOffset UrlExpiry(DateTimeOffset now, UpdatesOptions options)
    {
        var earliest = now.ToUnixTimeSeconds() + options.DownloadUrlLifetimeSeconds;
        var step = options.DownloadUrlStepSeconds;
        return DateTimeOffset.FromUnixTimeSeconds((earliest + step - 1) / step * step);
    }

    private static string Key(UpdateManifest manifest, DownloadLinks links, DateTimeOffset expiresAt) =>
        $"{manifest.Fingerprint}|{links.Key}|{expiresAt.ToUnixTimeSeconds()}";

    // The first 16 bytes of the SHA-256, in hexadecimal.
    private static string Fingerprint(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 16));
}
