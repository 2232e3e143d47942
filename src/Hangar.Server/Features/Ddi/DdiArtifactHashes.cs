using System.Collections.Concurrent;
using System.Security.Cryptography;
using Hangar.Server.Features.Ddi.Wire;
using Hangar.Storage;

namespace Hangar.Server.Features.Ddi;

/// <summary>
/// The SHA-1 and MD5 that DDI clients check (SWUpdate compares SHA-1), which Hangar does not store: computed from the
/// blob the first time an action shows the binary, and kept for the process's life (content is immutable, keyed by its
/// SHA-256). A deployment answer for a large binary not seen before reads the whole blob once.
/// </summary>
internal sealed class DdiArtifactHashes(IBlobStore blobs)
{
    private readonly ConcurrentDictionary<string, DdiHashes> _known = new(StringComparer.Ordinal);

    public async Task<DdiHashes?> ForAsync(string sha256, CancellationToken cancellationToken)
    {
        if (_known.TryGetValue(sha256, out var known))
        {
            return known;
        }

        await using var content = await blobs.OpenReadAsync(sha256, cancellationToken);
        if (content is null)
        {
            return null;
        }

        using var sha1 = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        var buffer = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            sha1.AppendData(buffer, 0, read);
            md5.AppendData(buffer, 0, read);
        }

        var hashes = new DdiHashes(Convert.ToHexStringLower(sha1.GetHashAndReset()), Convert.ToHexStringLower(md5.GetHashAndReset()), sha256);
        return _known.GetOrAdd(sha256, hashes);
    }
}
