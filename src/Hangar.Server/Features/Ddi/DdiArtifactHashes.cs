using Hangar.Server.Features.Ddi.Wire;
using Hangar.Server.Features.Firmware;
using Hangar.Server.Features.Updates;

namespace Hangar.Server.Features.Ddi;

/// <summary>
/// The SHA-1 and MD5 that DDI clients check (SWUpdate compares SHA-1), stored on the binary by the hashing worker right
/// after it became signable. A binary stored before they were kept has none: the first DDI answer that shows it reads
/// its object once and stores them, so every later answer (on any node) reads the row; docs/ddi.md says so.
/// </summary>
internal sealed class DdiArtifactHashes(BinaryLegacyDigests digests)
{
    public async Task<DdiHashes?> ForAsync(ManifestBinary binary, CancellationToken cancellationToken) =>
        await digests.GetOrFillAsync(binary.BinaryId, binary.Sha256, cancellationToken) is { } values
            ? new DdiHashes(values.Sha1, values.Md5, binary.Sha256)
            : null;
}
