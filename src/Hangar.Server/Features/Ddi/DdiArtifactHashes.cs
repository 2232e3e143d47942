using System.Security.Cryptography;
using Hangar.Data;
using Hangar.Data.Tenancy;
using Hangar.Server.Features.Ddi.Wire;
using Hangar.Server.Features.Updates;
using Hangar.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Ddi;

/// <summary>
/// The SHA-1 and MD5 that DDI clients check (SWUpdate compares SHA-1): stored on the binary, computed with its SHA-256
/// when its upload was hashed. A binary hashed before they were kept has none: the first DDI answer that shows it reads
/// its blob once, computes them and stores them on the row, so every later answer (on any node) reads the row. That
/// first answer waits for one read of the blob; docs/ddi.md says so.
/// </summary>
internal sealed class DdiArtifactHashes(HangarDbContext db, IBlobStore blobs)
{
    public async Task<DdiHashes?> ForAsync(ManifestBinary binary, Guid organizationId, CancellationToken cancellationToken)
    {
        // The binary is one of the device's actions (its caller checked); the row is read by id within its organization.
        var row = Binaries(binary.BinaryId, organizationId);
        var stored = await row.AsNoTracking().Select(b => new { b.Sha1, b.Md5 }).SingleOrDefaultAsync(cancellationToken);
        if (stored is { Sha1: { } sha1, Md5: { } md5 })
        {
            return new DdiHashes(sha1, md5, binary.Sha256);
        }

        var computed = await ComputeAsync(binary.Sha256, cancellationToken);
        if (computed is not null && stored is not null)
        {
            // Content is immutable, so a concurrent answer computing the same values and storing them first is harmless.
            await row.Where(b => b.Sha1 == null || b.Md5 == null)
                .ExecuteUpdateAsync(b => b.SetProperty(x => x.Sha1, computed.Sha1).SetProperty(x => x.Md5, computed.Md5), cancellationToken);
        }

        return computed;
    }

    private IQueryable<Data.Firmware.Binary> Binaries(Guid binaryId, Guid organizationId) =>
        db.Binaries.IgnoreQueryFilters([TenantFilter.Name]).Where(b => b.Id == binaryId && b.OrganizationId == organizationId);

    private async Task<DdiHashes?> ComputeAsync(string sha256, CancellationToken cancellationToken)
    {
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

        return new DdiHashes(Convert.ToHexStringLower(sha1.GetHashAndReset()), Convert.ToHexStringLower(md5.GetHashAndReset()), sha256);
    }
}
