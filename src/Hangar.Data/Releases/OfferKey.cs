namespace Hangar.Data.Releases;

/// <summary>Which update a device was offered: a release or a bundle override (the two keys of a <see cref="DeviceUpdate"/>).</summary>
public sealed record OfferKey(Guid? ReleaseId, Guid? BundleOverrideId);
