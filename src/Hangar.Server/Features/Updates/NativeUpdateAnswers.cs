using Hangar.Contracts.Updates;
using Hangar.Core.Resources;

namespace Hangar.Server.Features.Updates;

/// <summary>
/// Renders an <see cref="UpdateOffer"/> as the native device API's answer (<see cref="UpdateCheckResponse"/>) and its
/// entity tag, the offer's fingerprint: equal tags mean byte-identical answers, so a 304 is decided without building
/// the answer.
/// </summary>
internal static class NativeUpdateAnswers
{
    public const string Update = "update";
    public const string NoUpdate = "no_update";
    public const string Quarantined = "device_quarantined";

    public static string ETag(UpdateOffer offer) => "\"" + offer.Fingerprint + "\"";

    public static UpdateCheckResponse Response(UpdateOffer offer)
    {
        if (offer.Decision != UpdateDecision.Update)
        {
            return new UpdateCheckResponse(offer.Decision == UpdateDecision.Quarantined ? Quarantined : NoUpdate, null, offer.Reason, null, null, null, [], null);
        }

        var entries = offer.Downloads().Select(d => new ManifestEntryResponse(d.Binary.Position, d.Binary.BinaryId, d.Binary.BinaryHrn, d.Binary.Artifact,
            d.Binary.ArtifactVersion, d.Binary.Target, d.Binary.Size, d.Binary.Sha256, d.Binary.CustomMetadata, d.Binary.Signatures, d.Url, d.DevicePath)).ToList();
        var expiresAt = offer.UrlsExpireAt!.Value.UtcDateTime;
        return offer.Release is { } release
            ? new UpdateCheckResponse(Update, "release", null,
                new UpdateReleaseSummary(release.Id, ResourceName.Format(release.OrganizationId, ResourceTypes.Release, release.Id), release.Name, release.Version,
                    release.Required),
                null, offer.Manifest!.Bundle, entries, expiresAt)
            : new UpdateCheckResponse(Update, "bundle_override", null, null,
                new UpdateOverrideSummary(offer.Override!.Id, ResourceName.Format(offer.OrganizationId, ResourceTypes.BundleOverride, offer.Override.Id),
                    offer.Override.Name, offer.Override.StartsAt, offer.Override.EndsAt),
                offer.Manifest!.Bundle, entries, expiresAt);
    }
}
