using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hangar.Contracts.Updates;
using Hangar.Data.Queries;
using Hangar.Data.Releases;
using Hangar.Server.Features.Firmware;
using Hangar.Server.Features.Updates;
using Hangar.Server.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Hangar.Server.Tests.Updates;

/// <summary>
/// The protocol-neutral offer an update check decides (docs/adr/0007): what it says for each kind of answer, in no
/// protocol's terms, and the native device API's rendering of it. The URL minting comes from a real server's container.
/// </summary>
public sealed class UpdateOfferTests(SqliteServer fixture)
{
    private static readonly Guid Organization = Guid.CreateVersion7();
    private static readonly Guid Device = Guid.CreateVersion7();
    private static readonly DownloadLinks Links = new("https://devices.example/device/v1/binary_downloads", "/device/v1/binary_downloads", Device, UrlForOperator: false);
    private static readonly DateTimeOffset Expiry = DateTimeOffset.FromUnixTimeSeconds(1_900_000_000);

    [Fact]
    public void NoUpdate_SaysWhyAndOffersNothing()
    {
        var offer = UpdateOffers.NoUpdate(Organization, "the device runs the cohort's latest release");

        Assert.Equal(UpdateDecision.NoUpdate, offer.Decision);
        Assert.Equal("the device runs the cohort's latest release", offer.Reason);
        Assert.Null(offer.Key);
        Assert.Null(offer.Release);
        Assert.Null(offer.Manifest);
        Assert.Null(offer.UrlsExpireAt);
        Assert.Empty(offer.Downloads());
        var answer = NativeUpdateAnswers.Response(offer);
        Assert.Equal(("no_update", "the device runs the cohort's latest release", 0), (answer.Status, answer.Reason, answer.Manifest.Count));
        // The entity tag devices already hold (a hash of status and reason) survives: an unchanged answer stays a 304.
        Assert.Equal(LegacyTag("no_update|the device runs the cohort's latest release"), NativeUpdateAnswers.ETag(offer));
        Assert.NotEqual(offer.Fingerprint, UpdateOffers.NoUpdate(Organization, "another reason").Fingerprint);
    }

    [Fact]
    public void Quarantined_IsItsOwnDecision()
    {
        var offer = UpdateOffers.Quarantined(Organization);

        Assert.Equal((UpdateDecision.Quarantined, "the device is quarantined"), (offer.Decision, offer.Reason));
        Assert.Null(offer.Key);
        Assert.Equal("device_quarantined", NativeUpdateAnswers.Response(offer).Status);
        Assert.Equal(LegacyTag("device_quarantined|the device is quarantined"), NativeUpdateAnswers.ETag(offer));
    }

    [Fact]
    public void FromRelease_CarriesWhatAnyProtocolNeeds()
    {
        var release = new ReleaseFacts(Guid.CreateVersion7(), Organization, "spring", "2.0.0", Required: true);
        var manifest = Manifest();

        var offer = UpdateOffers.FromRelease(release, manifest, Urls(), Links, Expiry);

        Assert.Equal(UpdateDecision.Update, offer.Decision);
        Assert.Null(offer.Reason);
        Assert.Equal(new OfferKey(release.Id, null), offer.Key);
        Assert.True(offer.Release!.Required);
        Assert.Same(manifest, offer.Manifest);
        Assert.Equal(Expiry, offer.UrlsExpireAt);
        var downloads = offer.Downloads();
        Assert.Equal(manifest.Binaries.Select(b => (b.BinaryId, b.Size, b.Sha256)), downloads.Select(d => (d.Binary.BinaryId, d.Binary.Size, d.Binary.Sha256)));
        var signer = fixture.Server.Services.GetRequiredService<DownloadUrlSigner>();
        foreach (var download in downloads)
        {
            Assert.StartsWith(Links.UrlBase + "/", download.Url, StringComparison.Ordinal);
            var token = download.Url[(Links.UrlBase.Length + 1)..];
            Assert.Equal(Links.DevicePathBase + "/" + token, download.DevicePath);
            Assert.Equal(new DownloadToken(download.Binary.BinaryId, Device, Expiry), signer.TryRead(token));
        }

        var answer = NativeUpdateAnswers.Response(offer);
        Assert.Equal(("update", "release", "spring", true), (answer.Status, answer.SourceType, answer.Release!.Name, answer.Release.Required));
        Assert.Equal(downloads.Select(d => d.Url), answer.Manifest.Select(m => m.Url));
    }

    [Fact]
    public void FromOverride_NamesTheOverride()
    {
        var pin = new OverrideFacts(Guid.CreateVersion7(), "pin-lab", Guid.CreateVersion7(), new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), null);

        var offer = UpdateOffers.FromOverride(pin, Organization, Manifest(), Urls(), Links, Expiry);

        Assert.Equal(new OfferKey(null, pin.Id), offer.Key);
        Assert.Same(pin, offer.Override);
        Assert.Null(offer.Release);
        var answer = NativeUpdateAnswers.Response(offer);
        Assert.Equal(("update", "bundle_override", "pin-lab"), (answer.Status, answer.SourceType, answer.BundleOverride!.Name));
    }

    [Fact]
    public void Fingerprint_ChangesWithWhatTheOfferSays_AndOnlyThen()
    {
        var release = new ReleaseFacts(Guid.CreateVersion7(), Organization, "spring", "2.0.0", Required: false);
        var manifest = Manifest();
        var offer = UpdateOffers.FromRelease(release, manifest, Urls(), Links, Expiry);

        Assert.Equal(32, offer.Fingerprint.Length);
        Assert.Equal(offer.Fingerprint, UpdateOffers.FromRelease(release, manifest, Urls(), Links, Expiry).Fingerprint);
        Assert.NotEqual(offer.Fingerprint, UpdateOffers.FromRelease(release with { Required = true }, manifest, Urls(), Links, Expiry).Fingerprint);
        Assert.NotEqual(offer.Fingerprint, UpdateOffers.FromRelease(release, manifest, Urls(), Links, Expiry.AddHours(1)).Fingerprint);
        Assert.NotEqual(offer.Fingerprint, UpdateOffers.FromRelease(release, manifest, Urls(), Links with { UrlBase = "https://other/x" }, Expiry).Fingerprint);
        // The URLs are bound to the device asking: another device's offer differs.
        Assert.NotEqual(offer.Fingerprint, UpdateOffers.FromRelease(release, manifest, Urls(), Links with { DeviceId = Guid.CreateVersion7() }, Expiry).Fingerprint);
    }

    private UpdateDownloadUrls Urls() => fixture.Server.Services.GetRequiredService<UpdateDownloadUrls>();

    private static UpdateManifest Manifest()
    {
        var bundle = new UpdateBundleSummary(Guid.CreateVersion7(), "hrn:bundle", "spring-bundle", "bundle-hash");
        List<ManifestBinary> binaries = [Binary(1, "rootfs", 4096), Binary(2, "app", 512)];
        return new UpdateManifest(bundle, Deliverable: true, binaries, Fingerprint: "manifest-" + bundle.Id);
    }

    private static ManifestBinary Binary(int position, string artifact, long size) => new(
        position,
        Guid.CreateVersion7(),
        $"hrn:binary:{artifact}",
        new ManifestArtifact(Guid.CreateVersion7(), $"hrn:artifact:{artifact}", artifact),
        new ManifestArtifactVersion(Guid.CreateVersion7(), $"hrn:version:{artifact}", "2.0.0"),
        "aarch64-unknown-linux-gnu",
        size,
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(artifact))),
        JsonDocument.Parse("{}").RootElement,
        [],
        Legacy: null);

    /// <summary>The update answer's entity tag as it was computed before offers existed.</summary>
    private static string LegacyTag(string key) => "\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32] + "\"";
}
