using System.Security.Cryptography;
using System.Text;
using Hangar.Contracts.Updates;
using Hangar.Core.Resources;
using Hangar.Server.Features.Firmware;

namespace Hangar.Server.Features.Updates;

/// <summary>
/// Builds the wire answer of an update check. Download URL expiries are rounded up to a step
/// (<see cref="UpdatesOptions.DownloadUrlStepSeconds"/>) so that a device's repeated checks produce identical answers,
/// and the ETag hashes what the answer is made of (the device included: its URLs are bound to it), so a 304 can be
/// decided without building the answer.
/// </summary>
internal static class UpdateAnswers
{
    public const string Update = "update";
    public const string NoUpdate = "no_update";
    public const string Quarantined = "device_quarantined";

    public static UpdateAnswer Nothing(string status, string? reason) =>
        new(Tag($"{status}|{reason}"), () => new UpdateCheckResponse(status, null, reason, null, null, null, [], null));

    public static UpdateAnswer FromRelease(ReleaseFacts release, UpdateManifest manifest, DownloadUrls urls, DownloadLinks links, DateTimeOffset expiresAt)
    {
        return new UpdateAnswer(
            Tag($"release|{release.Id}|{release.Name}|{release.Version}|{release.Required}|{Key(manifest, links, expiresAt)}"),
            () => new UpdateCheckResponse(Update, "release", null, Summary(release), null, manifest.Bundle, Entries(manifest, urls, links, expiresAt), expiresAt.UtcDateTime));
    }

    public static UpdateAnswer FromOverride(OverrideFacts bundleOverride, Guid organizationId, UpdateManifest manifest, DownloadUrls urls, DownloadLinks links, DateTimeOffset expiresAt)
    {
        return new UpdateAnswer(
            Tag($"override|{bundleOverride.Id}|{bundleOverride.Name}|{bundleOverride.StartsAt:O}|{bundleOverride.EndsAt:O}|{Key(manifest, links, expiresAt)}"),
            () => new UpdateCheckResponse(Update, "bundle_override", null, null, Summary(bundleOverride, organizationId), manifest.Bundle,
                Entries(manifest, urls, links, expiresAt), expiresAt.UtcDateTime));
    }

    /// <summary>The expiry for URLs handed out now: at least the lifetime away, rounded up to the step.</summary>
    public static DateTimeOffset UrlExpiry(DateTimeOffset now, UpdatesOptions options)
    {
        var earliest = now.ToUnixTimeSeconds() + options.DownloadUrlLifetimeSeconds;
        var step = options.DownloadUrlStepSeconds;
        return DateTimeOffset.FromUnixTimeSeconds((earliest + step - 1) / step * step);
    }

    // The summaries, like the rest of the body, are only built when no answer with the same tag is cached.
    private static UpdateReleaseSummary Summary(ReleaseFacts release) =>
        new(release.Id, ResourceName.Format(release.OrganizationId, ResourceTypes.Release, release.Id), release.Name, release.Version, release.Required);

    private static UpdateOverrideSummary Summary(OverrideFacts bundleOverride, Guid organizationId) =>
        new(bundleOverride.Id, ResourceName.Format(organizationId, ResourceTypes.BundleOverride, bundleOverride.Id), bundleOverride.Name,
            bundleOverride.StartsAt, bundleOverride.EndsAt);

    private static List<ManifestEntryResponse> Entries(UpdateManifest manifest, DownloadUrls urls, DownloadLinks links, DateTimeOffset expiresAt) =>
        [.. manifest.Binaries.Select(b =>
        {
            var (url, devicePath) = links.For(urls, b.BinaryId, expiresAt);
            return new ManifestEntryResponse(b.Position, b.BinaryId, b.BinaryHrn, b.Artifact, b.ArtifactVersion, b.Target, b.Size, b.Sha256,
                b.CustomMetadata, b.Signatures, url, devicePath);
        })];

    private static string Key(UpdateManifest manifest, DownloadLinks links, DateTimeOffset expiresAt) =>
        $"{manifest.Fingerprint}|{links.Key}|{expiresAt.ToUnixTimeSeconds()}";

    private static string Tag(string key) =>
        "\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32] + "\"";
}
