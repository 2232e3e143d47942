using Hangar.Contracts.Common;
using Hangar.Core.Firmware;
using Hangar.Data;
using Hangar.Data.Firmware;
using Hangar.Data.Releases;
using Hangar.Server.Hosting.Problems;
using Hangar.Server.Hosting.References;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Releases;

/// <summary>Finds what release and override requests name (by <see cref="ReferenceLookup"/>'s rule), and whether a bundle can be delivered.</summary>
internal static class ReleaseReferences
{
    /// <summary>
    /// Untracked: changes re-read the release under the cohort's graph lock (<see cref="CohortReleases"/>), and a
    /// tracked copy read before the lock would hide what a concurrent change committed meanwhile.
    /// </summary>
    /// <param name="cohortId">The cohort the request is about, if any: a release name is unique only within one, so
    /// a name is looked up there (an id or resource name still finds a release of any cohort, for the graph rules to judge).</param>
    public static Task<Release?> ReleaseAsync(
        HangarDbContext db, string? reference, Guid organizationId, CancellationToken cancellationToken, Guid? cohortId = null) =>
        db.Releases.AsNoTracking().FindByReferenceAsync(db, ReferenceRules.Release, reference, organizationId, cancellationToken,
            cohortId is { } cohort ? r => r.CohortId == cohort : null);

    public static Task<Bundle?> BundleAsync(HangarDbContext db, string? reference, Guid organizationId, CancellationToken cancellationToken) =>
        db.Bundles.AsNoTracking().FindByReferenceAsync(db, ReferenceRules.Bundle, reference, organizationId, cancellationToken);

    /// <summary>Bundles only ever hold signed binaries, so "deliverable" means none of them was destroyed since.</summary>
    public static async Task<bool> IsDeliverableAsync(HangarDbContext db, Guid bundleId, CancellationToken cancellationToken) =>
        !await (
            from e in db.BundleEntries
            join b in db.Binaries on e.BinaryId equals b.Id
            where e.BundleId == bundleId && b.State != BinaryState.Signed
            select e).AnyAsync(cancellationToken);

    public static ProblemHttpResult NotDeliverable(Guid bundleId) =>
        Problems.Create(StatusCodes.Status422UnprocessableEntity, ErrorCodes.BundleNotDeliverable, "Bundle not deliverable",
            $"Bundle {bundleId} has a destroyed binary, so no device could install it; choose a bundle whose binaries are all signed.");
}
