using Hangar.Contracts.Fleet;
using Hangar.Core.Releases;
using Hangar.Data;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Fleet;

/// <summary>
/// Adoption of each release per UTC day, from the update history: the committed updates are counted per release and
/// day by the database, within the window only, plus one count per release of those committed before it, so the
/// cumulative figure is right without reading the history day by day.
/// </summary>
internal static class FleetAdoption
{
    public const int DefaultDays = 30;
    public const int MaxDays = 90;

    public static async Task<FleetAdoptionResponse> LoadAsync(HangarDbContext db, FleetScope scope, DateTime now, int days, CancellationToken cancellationToken)
    {
        var last = now.Date;
        var first = last.AddDays(1 - days);
        var releases = await scope.Releases(db.Releases.AsNoTracking(), db.Cohorts)
            .Select(r => new { r.Id, r.Name })
            .ToListAsync(cancellationToken);
        var releaseIds = releases.Select(r => r.Id).ToList();
        var committed = db.DeviceUpdates.AsNoTracking()
            .Where(u => u.ReleaseId != null && releaseIds.Contains(u.ReleaseId.Value) && u.State == UpdateState.Committed && u.FinishedAt != null);
        var before = await committed.Where(u => u.FinishedAt < first)
            .GroupBy(u => u.ReleaseId)
            .Select(g => new { ReleaseId = g.Key!.Value, Count = g.LongCount() })
            .ToDictionaryAsync(c => c.ReleaseId, c => c.Count, cancellationToken);
        var end = last.AddDays(1);
        var perDay = (await committed.Where(u => u.FinishedAt >= first && u.FinishedAt < end)
                .GroupBy(u => new { u.ReleaseId, u.FinishedAt!.Value.Date })
                .Select(g => new { ReleaseId = g.Key.ReleaseId!.Value, g.Key.Date, Count = g.LongCount() })
                .ToListAsync(cancellationToken))
            .ToDictionary(c => (c.ReleaseId, DateTime.SpecifyKind(c.Date, DateTimeKind.Utc)), c => c.Count);

        var adopted = releases
            .Where(r => before.ContainsKey(r.Id) || perDay.Keys.Any(k => k.ReleaseId == r.Id))
            .Select(r =>
            {
                var total = before.GetValueOrDefault(r.Id);
                var series = new List<FleetAdoptionDayResponse>(days);
                for (var day = first; day <= last; day = day.AddDays(1))
                {
                    var count = perDay.GetValueOrDefault((r.Id, day));
                    total += count;
                    series.Add(new FleetAdoptionDayResponse(day, count, total));
                }

                return new FleetReleaseAdoptionResponse(r.Id, r.Name, series);
            })
            .OrderBy(r => r.ReleaseName, StringComparer.Ordinal)
            .ToList();
        return new FleetAdoptionResponse(first, last, adopted);
    }
}
