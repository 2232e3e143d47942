using Hangar.Data;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Releases;

/// <summary>
/// Gives back the phase places a device held when it goes away: its claims go with it (by cascade), so the releases'
/// claim counters must drop in the same transaction, and the cohorts' graphs are marked changed so that update-check
/// caches, which assume counts only grow, reload them.
/// </summary>
internal static class PhaseClaimRelease
{
    public static async Task ReleaseAsync(HangarDbContext db, Guid deviceId, DateTimeOffset now, CancellationToken cancellationToken)
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
}
