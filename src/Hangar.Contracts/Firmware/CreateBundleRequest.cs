namespace Hangar.Contracts.Firmware;

/// <summary>Creates a bundle from signed binaries, in order.</summary>
/// <param name="Binaries">1–100 entries; a binary may appear once.</param>
/// <param name="Name">Up to 128 characters.</param>
public sealed record CreateBundleRequest(IReadOnlyList<BundleEntryRequest> Binaries, string? Name = null);
