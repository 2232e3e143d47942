using Hangar.Contracts.Common;
using Hangar.Core.Firmware;
using Hangar.Core.Resources;
using Hangar.Data;
using Hangar.Data.Firmware;
using Hangar.Data.Releases;
using Hangar.Server.Hosting.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Releases;

/// <summary>Finds what release and override requests name (by id or resource name), and whether a bundle can be delivered.</summary>
internal static class ReleaseReferences
{
    /// <summary>
    /// Untracked: changes re-read the release under the cohort's graph lock (<see cref="CohortReleases"/>), and a
    /// tracked copy read before the lock would hide what a concurrent change committed meanwhile.
    /// </summary>
    public static async Task<Release?> ReleaseAsync(HangarDbContext db, string? reference, Guid organizationId, CancellationToken cancellationToken)
    {
        var id = ResourceReference.Resolve(reference?.Trim(), ResourceTypes.Release, organizationId);
        return id is null ? null : await db.Releases.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
    }

    public static async Task<Bundle?> BundleAsync(HangarDbContext db, string? reference, Guid organizationId, CancellationToken cancellationToken)
    {
        var id = ResourceReference.Resolve(reference?.Trim(), ResourceTypes.Bundle, organizationId);
        return id is null ? null : await db.Bundles.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
    }

    /// <summary>
    /// Bundles are made of signed binaries, so "deliverable" means none of them was destroyed or lost its last
    /// signature by a key that is not revoked since.
    /// </summary>
    public static async Task<bool> IsDeliverableAsync(HangarDbContext db, Guid bundleId, CancellationToken cancellationToken) =>
        !await (
            from e in db.BundleEntries
            join b in db.Binaries on e.BinaryId equals b.Id
            where e.BundleId == bundleId && b.State != BinaryState.Signed
            select e).AnyAsync(cancellationToken);

    public static ProblemHttpResult NotDeliverable(Guid bundleId) =>
        Problems.Create(StatusCodes.Status422UnprocessableEntity, ErrorCodes.BundleNotDeliverable, "Bundle not deliverable",
            $"Bundle {bundleId} has a binary that is destroyed or no longer signed by a key that is not revoked, so no device could install it; choose a bundle whose binaries are all signed (or sign them again with a valid key).");
}
