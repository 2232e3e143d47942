namespace Hangar.Server.Features.Updates;

/// <summary>What a device was offered for the first time: a release or a bundle override, and the bundle.</summary>
internal sealed record DeviceCheckedForReleaseEventData(string Identifier, Guid? ReleaseId, string? ReleaseVersion, Guid? BundleOverrideId, Guid BundleId);
