namespace Hangar.Server.Features.Updates;

/// <summary>Which update a device was offered: a release or a bundle override.</summary>
internal sealed record OfferKey(Guid? ReleaseId, Guid? BundleOverrideId);
