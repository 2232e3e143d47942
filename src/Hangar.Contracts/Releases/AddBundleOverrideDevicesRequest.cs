namespace Hangar.Contracts.Releases;

/// <summary>Adds devices to a bundle override; devices already in it are left as they are.</summary>
/// <param name="Devices">1–1,000 device ids or resource names.</param>
/// <param name="AllowMissingTargets">Accept devices of hardware targets the override's bundle has no binary for, as long as one of their targets is served.</param>
public sealed record AddBundleOverrideDevicesRequest(IReadOnlyList<string> Devices, bool AllowMissingTargets = false);
