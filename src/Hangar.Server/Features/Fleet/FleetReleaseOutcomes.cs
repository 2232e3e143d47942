using Hangar.Contracts.Fleet;
using Hangar.Data;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Fleet;

/// <summary>Each release's device updates by outcome, counted by the database, with success and failure rates of the finished ones.</summary>
internal static class FleetReleaseOutcomes
{
    public static async Task<List<FleetReleaseOutcomesResponse>> LoadAsync(HangarDbContext db, FleetScope scope, CancellationToken cancellationToken)
    {
        var releases = await scope.Releases(db.Releases.AsNoTracking(), db.Cohorts)
            .Select(r => new { r.Id, r.Name, r.CohortId })
            .ToListAsync(cancellationToken);
        var releaseIds = releases.Select(r => r.Id).ToList();
        var counts = (await db.DeviceUpdates.AsNoTracking()
                .Where(u => u.ReleaseId != null && releaseIds.Contains(u.ReleaseId.Value))
                .GroupBy(u => new { u.ReleaseId, u.State })
                .Select(g => new { g.Key.ReleaseId, g.Key.State, Count = g.LongCount() })
                .ToListAsync(cancellationToken))
            .ToLookup(c => c.ReleaseId!.Value);

        return releases
            .Select(r =>
            {
                var byOutcome = counts[r.Id].GroupBy(c => UpdateOutcomeNames.Of(c.State)).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
                long Count(string outcome) => byOutcome.GetValueOrDefault(outcome);
                var finished = Count("committed") + Count("failed") + Count("rolled_back");
                return new FleetReleaseOutcomesResponse(r.Id, r.Name, r.CohortId, Count("committed"), Count("failed"), Count("rolled_back"),
                    Count("aborted"), Count("in_progress"),
                    finished == 0 ? null : (double)Count("committed") / finished,
                    finished == 0 ? null : (double)(Count("failed") + Count("rolled_back")) / finished);
            })
            .OrderBy(r => r.ReleaseName, StringComparer.Ordinal)
            .ToList();
    }
}
