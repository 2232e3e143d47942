using System.Collections.Concurrent;
using Hangar.Data;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Updates;

/// <summary>
/// Everything an update check needs about one device, read in one query by primary key: its record, tags, its
/// cohort's graph stamp, the overrides naming it that have not ended, its phase claims and the updates it was
/// offered. Every part is an indexed lookup by device id: nothing here grows with the fleet (a "latest N offers"
/// window would make the database number every offer of the organization).
/// </summary>
internal sealed record DeviceSnapshot(
    Guid Id,
    Guid OrganizationId,
    string Identifier,
    bool Quarantined,
    Guid? CohortId,
    Guid? ReportedReleaseId,
    Guid? ReportedBundleId,
    string? ReportedReleaseVersion,
    List<string> Tags,
    Guid? GraphStamp,
    List<Guid> OverrideIds,
    List<Guid> ClaimedReleases,
    List<OfferKey> Offers)
{
    /// <summary>The overrides naming the device that have not ended, filled in by <see cref="LoadAsync"/>.</summary>
    public List<OverrideFacts> Overrides { get; } = [];

    // The parts after the device itself skip the tenant filter on purpose: the device row is filtered, and an extra
    // organization_id predicate leads SQLite (which keeps no statistics) to scan the organization's index instead
    // of the per-device one, which makes every check cost as much as the fleet is large. Compiled once: this is the
    // hottest query of the server and its expression tree is large. A compiled query keeps the SQL of the first
    // provider it ran on, so there is one per provider (tests run SQLite and PostgreSQL servers in one process).
    private static readonly ConcurrentDictionary<string, Func<HangarDbContext, Guid, Guid, CancellationToken, Task<SnapshotRow?>>> Queries = new();

    /// <summary>Joins each collection into one column: a flat row with scalar subqueries is much cheaper to run and read than joined collections.</summary>
    private const string Separator = "\n";

    // The organization is an explicit parameter: a compiled query does not apply the context's tenant filter per call.
    private static Func<HangarDbContext, Guid, Guid, CancellationToken, Task<SnapshotRow?>> Compile() => EF.CompileAsyncQuery(
        (HangarDbContext db, Guid organizationId, Guid deviceId, CancellationToken _) => db.Devices.IgnoreQueryFilters().AsNoTracking()
            .Where(d => d.Id == deviceId && d.OrganizationId == organizationId).Select(d => new SnapshotRow(
            d.Id,
            d.OrganizationId,
            d.Identifier,
            d.Quarantined,
            d.CohortId,
            d.ReportedReleaseId,
            d.ReportedBundleId,
            d.ReportedReleaseVersion,
            string.Join(Separator, db.DeviceTags.IgnoreQueryFilters().Where(t => t.DeviceId == d.Id).Select(t => t.Value)),
            db.Cohorts.IgnoreQueryFilters().Where(c => c.Id == d.CohortId).Select(c => (Guid?)c.ReleaseGraphStamp).FirstOrDefault(),
            string.Join(Separator, db.BundleOverrideDevices.IgnoreQueryFilters().Where(m => m.DeviceId == d.Id).Select(m => m.BundleOverrideId.ToString())),
            string.Join(Separator, db.PhaseClaims.IgnoreQueryFilters().Where(c => c.DeviceId == d.Id).Select(c => c.ReleaseId.ToString())),
            string.Join(Separator, db.DeviceUpdates.IgnoreQueryFilters().Where(u => u.DeviceId == d.Id && u.ReleaseId != null).Select(u => u.ReleaseId.ToString())),
            string.Join(Separator, db.DeviceUpdates.IgnoreQueryFilters().Where(u => u.DeviceId == d.Id && u.BundleOverrideId != null).Select(u => u.BundleOverrideId.ToString()))))
            .SingleOrDefault());

    public static async Task<DeviceSnapshot?> LoadAsync(HangarDbContext db, Guid deviceId, DateTime now, CancellationToken cancellationToken)
    {
        var query = Queries.GetOrAdd(db.Database.ProviderName ?? "", _ => Compile());
        var organizationId = db.CurrentOrganizationId ?? throw new InvalidOperationException("An update check needs the caller's organization.");
        var snapshot = (await query(db, organizationId, deviceId, cancellationToken))?.ToSnapshot();
        if (snapshot is null || snapshot.OverrideIds.Count == 0)
        {
            return snapshot;
        }

        // Only devices named by overrides pay for a second query (joining in the first makes SQLite materialize
        // every override membership of the database).
        var ids = snapshot.OverrideIds;
        snapshot.Overrides.AddRange(await db.BundleOverrides.AsNoTracking().Where(o => ids.Contains(o.Id) && (o.EndsAt == null || o.EndsAt > now))
            .Select(o => new OverrideFacts(o.Id, o.Name, o.BundleId, o.StartsAt, o.EndsAt)).ToListAsync(cancellationToken));
        return snapshot;
    }

    /// <summary>The query's flat row: the collections arrive joined with <see cref="Separator"/> (tags hold no control characters).</summary>
    private sealed record SnapshotRow(
        Guid Id, Guid OrganizationId, string Identifier, bool Quarantined, Guid? CohortId, Guid? ReportedReleaseId, Guid? ReportedBundleId,
        string? ReportedReleaseVersion, string? Tags, Guid? GraphStamp, string? OverrideIds, string? ClaimedReleases, string? OfferedReleases, string? OfferedOverrides)
    {
        public DeviceSnapshot ToSnapshot() => new(
            Id, OrganizationId, Identifier, Quarantined, CohortId, ReportedReleaseId, ReportedBundleId, ReportedReleaseVersion,
            [.. Split(Tags)], GraphStamp, [.. Split(OverrideIds).Select(Guid.Parse)], [.. Split(ClaimedReleases).Select(Guid.Parse)],
            [.. Split(OfferedReleases).Select(id => new OfferKey(Guid.Parse(id), null)), .. Split(OfferedOverrides).Select(id => new OfferKey(null, Guid.Parse(id)))]);

        private static string[] Split(string? joined) =>
            string.IsNullOrEmpty(joined) ? [] : joined.Split(Separator);
    }
}
