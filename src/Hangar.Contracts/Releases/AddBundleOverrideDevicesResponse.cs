namespace Hangar.Contracts.Releases;

/// <summary>What adding devices did: <see cref="Added"/> new ones, <see cref="AlreadyPresent"/> that were in it already.</summary>
public sealed record AddBundleOverrideDevicesResponse(int Added, int AlreadyPresent, int DeviceCount);
