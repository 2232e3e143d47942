using System.Security.Cryptography;
using Hangar.Data;
using Hangar.Data.Tenancy;
using Hangar.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Firmware;

/// <summary>
/// A binary's SHA-1 and MD5, which hawkBit DDI clients check (SWUpdate compares SHA-1, the <c>.MD5SUM</c> file holds
/// MD5), read once from its stored object and kept on its row. The hashing worker fills them right after a binary
/// becomes signable, off the upload's path: MD5 and SHA-1 together cost more than twice the CPU of the SHA-256 that
/// the upload must verify, and only DDI devices need them. A binary stored before they were kept gets them from the
/// first DDI answer that shows it.
/// </summary>
internal sealed class BinaryLegacyDigests(HangarDbContext db, IBlobStore blobs)
{
    public sealed record Values(string Sha1, string Md5);

    /// <summary>The stored digests, or computed from the object and stored; null when the object is gone.</summary>
    public async Task<Values?> GetOrFillAsync(Guid binaryId, string sha256, CancellationToken cancellationToken)
    {
        var row = db.Binaries.IgnoreQueryFilters([TenantFilter.Name]).Where(b => b.Id == binaryId);
        var stored = await row.AsNoTracking().Select(b => new { b.Sha1, b.Md5 }).SingleOrDefaultAsync(cancellationToken);
        if (stored is { Sha1: { } sha1, Md5: { } md5 })
        {
            return new Values(sha1, md5);
        }

        var computed = await ComputeAsync(sha256, cancellationToken);
        if (computed is not null && stored is not null)
        {
            // Content is immutable, so another node computing the same values and storing them first is harmless.
            await row.Where(b => b.Sha1 == null || b.Md5 == null)
                .ExecuteUpdateAsync(b => b.SetProperty(x => x.Sha1, computed.Sha1).SetProperty(x => x.Md5, computed.Md5), cancellationToken);
        }

        return computed;
    }

    private async Task<Values?> ComputeAsync(string sha256, CancellationToken cancellationToken)
    {
        await using var content = await blobs.OpenReadAsync(sha256, cancellationToken);
        if (content is null)
        {
            return null;
        }

        using var sha1 = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        var buffer = new byte[1 << 20];
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            sha1.AppendData(buffer, 0, read);
            md5.AppendData(buffer, 0, read);
        }

        return new Values(Convert.ToHexStringLower(sha1.GetHashAndReset()), Convert.ToHexStringLower(md5.GetHashAndReset()));
    }
}
