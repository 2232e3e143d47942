using Hangar.Server.Features.Ddi.Wire;
using Hangar.Server.Features.Firmware;
using Hangar.Server.Features.Updates;

namespace Hangar.Server.Features.Ddi;

/// <summary>
/// The SHA-1 and MD5 that DDI clients check (SWUpdate compares SHA-1), stored on the binary by the hashing worker right
/// after it became signable and carried in the cached manifest, so an answer reads no row for them. A manifest cached
/// before they were stored, or a binary stored before they were kept, reads them through
/// <see cref="BinaryLegacyDigests"/> (the latter computes and stores them once, for every node); docs/ddi.md says so.
/// </summary>
internal sealed class DdiArtifactHashes(BinaryLegacyDigests digests)
{
    public async Task<DdiHashes?> ForAsync(ManifestBinary binary, CancellationToken cancellationToken)
    {
        if (binary.Legacy is { } carried)
        {
            return new DdiHashes(carried.Sha1, carried.Md5, binary.Sha256);
        }

        return await digests.GetOrFillAsync(binary.BinaryId, binary.Sha256, cancellationToken) is { } values
            ? new DdiHashes(values.Sha1, values.Md5, binary.Sha256)
            : null;
    }
}
