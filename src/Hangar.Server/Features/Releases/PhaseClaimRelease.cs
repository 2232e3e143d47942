using Hangar.Data;
using Hangar.Server.Features.Devices;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Releases;

/// <summary>
/// Gives back the phase places a device held when it goes away or leaves its cohort: its claims go (by cascade, or
/// deleted here), so the releases' claim counters must drop in the same transaction, and the cohorts' graphs are
/// marked changed so that update-check caches, which assume counts only grow, reload them.
/// </summary>
internal sealed class PhaseClaimRelease : IDeviceDepartures
{
    public async Task ReleaseAsync(HangarDbContext db, Guid deviceId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var claimed = db.Releases.Where(r => db.PhaseClaims.Any(c => c.ReleaseId == r.Id && c.DeviceId == deviceId));
        var cohorts = await claimed.Select(r => r.CohortId).Distinct().ToListAsync(cancellationToken);
        if (cohorts.Count == 0)
        {
            return;
        }

        // Cohorts first, then releases: the order release edits take their locks in.
        await ReleaseGraphLock.ChangeAllAsync(db, cohorts, now, cancellationToken);
        await claimed.ExecuteUpdateAsync(s => s.SetProperty(r => r.PhaseClaimCount, r => r.PhaseClaimCount - 1), cancellationToken);
    }

    /// <summary>
    /// For devices moving to <paramref name="newCohortId"/> (null: out of any cohort), inside the move's transaction:
    /// their claims on releases of other cohorts are deleted and counted off, so the old cohort's phase admits others.
    /// </summary>
    public async Task LeaveCohortAsync(
        HangarDbContext db, IReadOnlyCollection<Guid> deviceIds, Guid? newCohortId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var left = db.PhaseClaims.Where(c => deviceIds.Contains(c.DeviceId) && db.Releases.Any(r => r.Id == c.ReleaseId && r.CohortId != newCohortId));
        var releases = db.Releases.Where(r => left.Any(c => c.ReleaseId == r.Id));
        var cohorts = await releases.Select(r => r.CohortId).Distinct().ToListAsync(cancellationToken);
        if (cohorts.Count == 0)
        {
            return;
        }

        await ReleaseGraphLock.ChangeAllAsync(db, cohorts, now, cancellationToken);
        await releases.ExecuteUpdateAsync(s => s.SetProperty(r => r.PhaseClaimCount, r => r.PhaseClaimCount - left.Count(c => c.ReleaseId == r.Id)), cancellationToken);
        await left.ExecuteDeleteAsync(cancellationToken);
    }
}
