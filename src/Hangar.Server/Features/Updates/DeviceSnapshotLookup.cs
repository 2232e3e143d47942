using Hangar.Data;
using Hangar.Server.Hosting.Database;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Updates;

/// <summary>
/// The one query of an update check, in SQL written for it rather than through EF Core: the hottest statement of
/// the server, whose cost was mostly EF's per-call work and the database compiling the statement anew. On SQLite it
/// runs on connections that keep it prepared (<see cref="SqliteSnapshotConnections"/>); on PostgreSQL on
/// multiplexed connections that prepare it (<see cref="PostgresSnapshotConnections"/>).
/// </summary>
/// <remarks>
/// Every part is an indexed lookup by device id: nothing here grows with the fleet. The organization is an explicit
/// predicate on the device row only: raw SQL gets no tenant filter, and an <c>organization_id</c> predicate on the
/// other parts leads SQLite (which keeps no statistics) to scan the organization's index instead of the per-device one.
/// </remarks>
internal sealed class DeviceSnapshotLookup(DatabaseConnection database, SqliteSnapshotConnections sqlite, PostgresSnapshotConnections postgres)
{
    public static readonly string SqliteSql = Sql(column => $"group_concat({column}, char(10))", "@device", "@organization");

    /// <summary>With positional parameters, which spare Npgsql rewriting named ones in the SQL on every execution.</summary>
    public static readonly string PostgresSql = Sql(column => $"string_agg({column}::text, chr(10))", "$1", "$2");

    /// <summary>
    /// The device in <paramref name="organizationId"/> (null when there is none) with the overrides naming it that have
    /// not ended. The organization is explicit: raw SQL sees no tenant filter.
    /// </summary>
    public async Task<DeviceSnapshot?> LoadAsync(HangarDbContext db, Guid organizationId, Guid deviceId, DateTime now, CancellationToken cancellationToken)
    {
        var snapshot = database.Provider == DatabaseProvider.Sqlite
            ? sqlite.Find(organizationId, deviceId)
            : await postgres.FindAsync(organizationId, deviceId, cancellationToken);
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

    /// <summary>The query, columns in the order of <see cref="DeviceSnapshot.Read"/>; each collection is joined by <see cref="DeviceSnapshot.Separator"/>.</summary>
    private static string Sql(Func<string, string> joined, string device, string organization) => $"""
        SELECT d.id, d.organization_id, d.identifier, d.quarantined, d.cohort_id,
            d.reported_release_id, d.reported_bundle_id, d.reported_release_version,
            (SELECT {joined("t.value")} FROM device_tags AS t WHERE t.device_id = d.id),
            c.release_graph_stamp,
            (SELECT {joined("m.bundle_override_id")} FROM bundle_override_devices AS m WHERE m.device_id = d.id),
            (SELECT {joined("p.release_id")} FROM phase_claims AS p WHERE p.device_id = d.id),
            (SELECT {joined($"coalesce('{DeviceSnapshot.ReleaseOffer}' || u.release_id, '{DeviceSnapshot.OverrideOffer}' || u.bundle_override_id)")}
                FROM device_updates AS u WHERE u.device_id = d.id),
            d.target
        FROM devices AS d LEFT JOIN cohorts AS c ON c.id = d.cohort_id
        WHERE d.id = {device} AND d.organization_id = {organization}
        """;
}
