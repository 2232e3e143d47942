using Hangar.Core.Firmware;
using Hangar.Data;
using Hangar.Data.Firmware;
using Hangar.Data.Tenancy;
using Hangar.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Firmware;

/// <summary>
/// Where a binary's bytes are and when they may go. Objects are content-addressed and shared between binaries (of
/// any organization) with the same SHA-256, so an object is deleted only when no live binary still needs it.
/// </summary>
internal sealed class BinaryContent(IBlobStore blobs, HangarDbContext db)
{
    public static string UploadId(Binary binary) => UploadId(binary.Id, binary.UploadGeneration);

    public static string UploadId(Guid binaryId, int generation) => $"{binaryId:N}-{generation}";

    /// <summary>States in which a binary's object exists or is about to.</summary>
    public static readonly BinaryState[] HoldingStates = [BinaryState.Hashing, BinaryState.Signable, BinaryState.Signed];

    /// <summary>Deletes the object named <paramref name="sha256"/> unless a binary other than <paramref name="releasedBy"/> still holds it.</summary>
    public async Task ReleaseObjectAsync(string sha256, Guid releasedBy, CancellationToken cancellationToken)
    {
        var stillUsed = await db.Binaries.IgnoreQueryFilters([TenantFilter.Name])
            .AnyAsync(b => b.Sha256 == sha256 && b.Id != releasedBy && HoldingStates.Contains(b.State), cancellationToken);
        if (!stillUsed)
        {
            await blobs.DeleteAsync(sha256, cancellationToken);
        }
    }

    public Task AbortUploadAsync(Guid binaryId, int generation, CancellationToken cancellationToken) =>
        blobs.AbortUploadAsync(UploadId(binaryId, generation), cancellationToken);
}
