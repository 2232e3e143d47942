using Hangar.Data;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Releases;

/// <summary>
/// Every change to a cohort's releases (or to whether their bundles can be delivered) goes through here, inside the
/// change's transaction: the update of the cohort's <c>ReleaseGraphStamp</c> takes the cohort row's lock on
/// PostgreSQL (SQLite has one writer anyway), so two graph edits of one cohort never interleave, and it tells every
/// node's update-check cache that its copy of the graph is stale.
/// </summary>
internal static class ReleaseGraphLock
{
    public static Task ChangeAsync(HangarDbContext db, Guid cohortId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stamp = Guid.CreateVersion7(now);
        return db.Cohorts.Where(c => c.Id == cohortId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ReleaseGraphStamp, stamp), cancellationToken);
    }

    /// <summary>
    /// Takes the cohort's lock without marking its graph changed: for decisions that must see every concurrent
    /// writer's committed work first (the failure policy counting outcomes) and may then change the graph.
    /// </summary>
    public static Task HoldAsync(HangarDbContext db, Guid cohortId, CancellationToken cancellationToken) =>
        db.Cohorts.Where(c => c.Id == cohortId).ExecuteUpdateAsync(s => s.SetProperty(c => c.UpdatedAt, c => c.UpdatedAt), cancellationToken);

    /// <summary>For changes that can touch several cohorts at once (a binary destroyed under releases of many cohorts).</summary>
    public static Task ChangeAllAsync(HangarDbContext db, IReadOnlyCollection<Guid> cohortIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stamp = Guid.CreateVersion7(now);
        return db.Cohorts.Where(c => cohortIds.Contains(c.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ReleaseGraphStamp, stamp), cancellationToken);
    }
}
