using Hangar.Contracts.Fleet;
using Hangar.Data;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Fleet;

/// <summary>
/// What each cohort's devices report running, by release and by version: two grouped counts, then the names of the
/// products, cohorts and releases that appear in them.
/// </summary>
internal static class FleetCohortDistribution
{
    public static async Task<List<FleetCohortSummaryResponse>> LoadAsync(HangarDbContext db, FleetScope scope, CancellationToken cancellationToken)
    {
        var devices = scope.Devices(db.Devices.AsNoTracking());
        var byRelease = await devices.GroupBy(d => new { d.ProductId, d.CohortId, d.ReportedReleaseId })
            .Select(g => new { g.Key.ProductId, g.Key.CohortId, g.Key.ReportedReleaseId, Count = g.LongCount() })
            .ToListAsync(cancellationToken);
        var byVersion = await devices.GroupBy(d => new { d.ProductId, d.CohortId, d.ReportedReleaseVersion })
            .Select(g => new { g.Key.ProductId, g.Key.CohortId, g.Key.ReportedReleaseVersion, Count = g.LongCount() })
            .ToListAsync(cancellationToken);

        var productIds = byRelease.Select(r => r.ProductId).Distinct().ToList();
        var cohortIds = byRelease.Where(r => r.CohortId is not null).Select(r => r.CohortId!.Value).Distinct().ToList();
        var releaseIds = byRelease.Where(r => r.ReportedReleaseId is not null).Select(r => r.ReportedReleaseId!.Value).Distinct().ToList();
        var products = await db.Products.Where(p => productIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var cohorts = await db.Cohorts.Where(c => cohortIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var releases = await db.Releases.Where(r => releaseIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);

        var versions = byVersion.ToLookup(v => (v.ProductId, v.CohortId));
        return byRelease.GroupBy(r => (r.ProductId, r.CohortId))
            .Select(g => new FleetCohortSummaryResponse(
                g.Key.ProductId,
                products.GetValueOrDefault(g.Key.ProductId, ""),
                g.Key.CohortId,
                g.Key.CohortId is { } cohort ? cohorts.GetValueOrDefault(cohort) : null,
                g.Sum(r => r.Count),
                [.. g.Select(r => new FleetReleaseCountResponse(r.ReportedReleaseId, r.ReportedReleaseId is { } id ? releases.GetValueOrDefault(id) : null, r.Count))
                    .OrderByDescending(r => r.Devices).ThenBy(r => r.ReleaseName, StringComparer.Ordinal)],
                [.. versions[g.Key].Select(v => new FleetVersionCountResponse(v.ReportedReleaseVersion, v.Count))
                    .OrderByDescending(v => v.Devices).ThenBy(v => v.Version, StringComparer.Ordinal)]))
            .OrderBy(c => c.ProductName, StringComparer.Ordinal).ThenBy(c => c.CohortName, StringComparer.Ordinal)
            .ToList();
    }
}
