namespace Hangar.Contracts.Releases;

/// <summary>A device named by a bundle override, and when it was added.</summary>
public sealed record BundleOverrideDeviceResponse(Guid DeviceId, string DeviceHrn, string Identifier, DateTime CreatedAt);
