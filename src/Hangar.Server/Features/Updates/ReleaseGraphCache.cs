using System.Collections.Concurrent;
using Hangar.Core.Firmware;
using Hangar.Core.Releases;
using Hangar.Data;
using Hangar.Server.Features.Releases;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Updates;

/// <summary>
/// Cohort release graphs kept in memory so an update check costs one device lookup. An entry is valid while the
/// cohort's <c>ReleaseGraphStamp</c> (read with the device, in the same query) is the one it was loaded at; every
/// release change and every destroyed binary under a release changes the stamp in its transaction, so each node sees
/// the change on its next check without any signal between nodes.
/// </summary>
internal sealed class ReleaseGraphCache
{
    private const int MaxCohorts = 10_000;
    private readonly ConcurrentDictionary<Guid, CachedReleaseGraph> _graphs = new();

    public async Task<CachedReleaseGraph> GetAsync(HangarDbContext db, Guid cohortId, Guid stamp, CancellationToken cancellationToken)
    {
        if (_graphs.TryGetValue(cohortId, out var cached) && cached.Stamp == stamp)
        {
            return cached;
        }

        var loaded = await LoadAsync(db, cohortId, stamp, cancellationToken);
        if (_graphs.Count >= MaxCohorts)
        {
            // Crude but bounded: a fleet with more active cohorts than this reloads graphs more often, nothing worse.
            _graphs.Clear();
        }

        _graphs[cohortId] = loaded;
        return loaded;
    }

    private static async Task<CachedReleaseGraph> LoadAsync(HangarDbContext db, Guid cohortId, Guid stamp, CancellationToken cancellationToken)
    {
        var releases = await db.Releases.AsNoTracking().Where(r => r.CohortId == cohortId).ToListAsync(cancellationToken);
        var bundleIds = releases.Select(r => r.BundleId).Distinct().ToList();
        var binaries = (await (
            from e in db.BundleEntries
            join b in db.Binaries on e.BinaryId equals b.Id
            where bundleIds.Contains(e.BundleId)
            select new { e.BundleId, b.Target, b.State }).ToListAsync(cancellationToken)).ToLookup(b => b.BundleId);

        var nodes = releases.Select(r => r.ToNode(bundleDeliverable: binaries[r.BundleId].All(b => b.State == BinaryState.Signed)) with
        {
            BundleTargets = binaries[r.BundleId].Select(b => b.Target).ToHashSet(StringComparer.Ordinal),
        });
        var facts = releases.ToDictionary(r => r.Id, r => new ReleaseFacts(r.Id, r.OrganizationId, r.Name, r.Version, r.Required));
        var claims = releases.Where(r => r.PhaseClaimCount > 0).ToDictionary(r => r.Id, r => r.PhaseClaimCount);
        return new CachedReleaseGraph(stamp, new CohortReleaseGraph(cohortId, nodes), facts, claims);
    }
}
