using Hangar.Contracts.Updates;

namespace Hangar.Server.Features.Updates;

/// <summary>
/// A bundle as an update answer ships it, without the per-request download URLs. <see cref="Fingerprint"/> changes
/// whenever anything an answer shows changes (the bundle's name, a signature added), for the answer's ETag.
/// </summary>
internal sealed record UpdateManifest(UpdateBundleSummary Bundle, bool Deliverable, IReadOnlyList<ManifestBinary> Binaries, string Fingerprint)
{
    /// <summary>The targets of the bundle's binaries.</summary>
    public IReadOnlySet<string> Targets { get; } = Binaries.Select(b => b.Target).ToHashSet(StringComparer.Ordinal);
}
