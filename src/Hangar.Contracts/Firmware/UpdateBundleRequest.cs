namespace Hangar.Contracts.Firmware;

/// <summary>Renames a bundle: the only change a bundle allows.</summary>
public sealed record UpdateBundleRequest(string Name);
