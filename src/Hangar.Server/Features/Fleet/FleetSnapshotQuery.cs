using Hangar.Data;
using Hangar.Data.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Fleet;

/// <summary>
/// Computes a <see cref="FleetSnapshot"/> with a few grouped queries across every organization (counts only: the
/// database aggregates, the server never loads a row per device), then caps the label sets so the number of series
/// stays bounded whatever the fleet's size.
/// </summary>
internal static class FleetSnapshotQuery
{
    /// <summary>How recently a device must have connected to count as <c>seen_24h</c>.</summary>
    public static readonly TimeSpan RecentlySeen = TimeSpan.FromHours(24);

    public static async Task<FleetSnapshot> LoadAsync(HangarDbContext db, DateTime now, int topGroups, int topReleases, CancellationToken cancellationToken)
    {
        var since = now - RecentlySeen;
        var groups = await db.Devices.IgnoreQueryFilters([TenantFilter.Name])
            .GroupBy(d => new
            {
                d.OrganizationId,
                d.ProductId,
                d.CohortId,
                State = d.Quarantined ? FleetDeviceStates.QuarantinedCode
                    : d.LastConnectedAt == null ? FleetDeviceStates.NeverConnectedCode
                    : d.LastConnectedAt >= since ? FleetDeviceStates.SeenCode
                    : FleetDeviceStates.SilentCode,
            })
            .Select(g => new { g.Key.OrganizationId, g.Key.ProductId, g.Key.CohortId, g.Key.State, Count = g.LongCount() })
            .ToListAsync(cancellationToken);
        var byRelease = await db.Devices.IgnoreQueryFilters([TenantFilter.Name])
            .GroupBy(d => d.ReportedReleaseId)
            .Select(g => new { ReleaseId = g.Key, Count = g.LongCount() })
            .ToListAsync(cancellationToken);
        var outcomes = await db.DeviceUpdates.IgnoreQueryFilters([TenantFilter.Name])
            .Where(u => u.ReleaseId != null)
            .GroupBy(u => new { u.ReleaseId, u.State })
            .Select(g => new { g.Key.ReleaseId, g.Key.State, Count = g.LongCount() })
            .ToListAsync(cancellationToken);

        // The groups with the most devices keep their labels; the label sets are looked up for those only.
        var keptGroups = groups.GroupBy(g => (g.OrganizationId, g.ProductId, g.CohortId))
            .OrderByDescending(g => g.Sum(x => x.Count)).Take(topGroups).Select(g => g.Key).ToHashSet();
        var keptReleases = byRelease.Where(r => r.ReleaseId is not null).OrderByDescending(r => r.Count).Take(topReleases)
            .Select(r => r.ReleaseId!.Value)
            .Concat(outcomes.GroupBy(o => o.ReleaseId!.Value).OrderByDescending(g => g.Sum(o => o.Count)).Take(topReleases).Select(g => g.Key))
            .ToHashSet();
        var names = await FleetNames.LoadAsync(db, keptGroups, keptReleases, cancellationToken);

        var devices = groups
            .Select(g => keptGroups.Contains((g.OrganizationId, g.ProductId, g.CohortId))
                ? new FleetDeviceGroup(names.Organization(g.OrganizationId), names.Product(g.ProductId), names.Cohort(g.CohortId), FleetDeviceStates.Name(g.State), g.Count)
                : new FleetDeviceGroup(FleetReleaseLabel.OtherValue, FleetReleaseLabel.OtherValue, FleetReleaseLabel.OtherValue, FleetDeviceStates.Name(g.State), g.Count))
            .GroupBy(g => g with { Count = 0 })
            .Select(g => g.Key with { Count = g.Sum(x => x.Count) })
            .ToList();
        var releaseDevices = byRelease
            .Select(r => new FleetReleaseDevices(names.Release(r.ReleaseId), r.Count))
            .GroupBy(r => r.Release)
            .Select(g => new FleetReleaseDevices(g.Key, g.Sum(x => x.Count)))
            .ToList();
        var releaseOutcomes = outcomes
            .Select(o => new FleetReleaseOutcome(names.Release(o.ReleaseId), UpdateOutcomeNames.Of(o.State), o.Count))
            .GroupBy(o => (o.Release, o.Outcome))
            .Select(g => new FleetReleaseOutcome(g.Key.Release, g.Key.Outcome, g.Sum(x => x.Count)))
            .ToList();
        return new FleetSnapshot(devices, releaseDevices, releaseOutcomes);
    }
}
