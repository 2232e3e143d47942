using Hangar.Contracts.Firmware;
using Hangar.Core.Firmware;
using Hangar.Core.Resources;
using Hangar.Data;
using Hangar.Data.Firmware;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Firmware;

/// <summary>Builds bundle responses with their entries and the binaries' current states, one query for a whole page.</summary>
internal static class BundleViews
{
    public static async Task<List<BundleResponse>> ToResponsesAsync(HangarDbContext db, IReadOnlyList<Bundle> bundles, CancellationToken cancellationToken)
    {
        var bundleIds = bundles.Select(b => b.Id).ToList();
        var rows = await (
            from e in db.BundleEntries
            join b in db.Binaries on e.BinaryId equals b.Id
            join v in db.ArtifactVersions on b.ArtifactVersionId equals v.Id
            where bundleIds.Contains(e.BundleId)
            select new { Entry = e, Binary = b, v.ArtifactId })
            .AsNoTracking().ToListAsync(cancellationToken);
        var byBundle = rows.ToLookup(r => r.Entry.BundleId);
        return bundles.Select(bundle =>
        {
            var entries = byBundle[bundle.Id].OrderBy(r => r.Entry.Position).Select(r => new BundleEntryResponse(
                r.Entry.Position,
                r.Binary.Id,
                ResourceName.Format(r.Binary.OrganizationId, ResourceTypes.Binary, r.Binary.Id),
                r.ArtifactId,
                r.Binary.ArtifactVersionId,
                r.Binary.Target,
                r.Binary.Sha256,
                r.Binary.Size,
                r.Binary.State.ToWire(),
                CustomMetadata.Parse(r.Entry.CustomMetadata ?? "{}")!.Value)).ToList();
            return new BundleResponse(
                bundle.Id,
                ResourceName.Format(bundle.OrganizationId, ResourceTypes.Bundle, bundle.Id),
                bundle.Name,
                bundle.Hash,
                entries.All(e => e.State == BinaryState.Signed.ToWire()),
                entries,
                bundle.CreatedAt,
                bundle.UpdatedAt);
        }).ToList();
    }
}
