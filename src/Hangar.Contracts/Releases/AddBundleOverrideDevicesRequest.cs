namespace Hangar.Contracts.Releases;

/// <summary>Adds devices to a bundle override; devices already in it are left as they are.</summary>
/// <param name="Devices">1–1,000 device ids or resource names.</param>
public sealed record AddBundleOverrideDevicesRequest(IReadOnlyList<string> Devices);
