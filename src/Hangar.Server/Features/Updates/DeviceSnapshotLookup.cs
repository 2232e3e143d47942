using Hangar.Data;
using Hangar.Data.Queries;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Updates;

/// <summary>
/// The update check's read of the device: one query, in SQL written for it rather than through EF Core (the hottest
/// statement of the server, whose cost was mostly EF's per-call work and the database compiling the statement anew),
/// run by the provider's <see cref="IProviderQueries"/> (prepared SQLite connections, multiplexed PostgreSQL ones).
/// </summary>
internal sealed class DeviceSnapshotLookup(IProviderQueries queries)
{
    /// <summary>
    /// The device in <paramref name="organizationId"/> (null when there is none) with the overrides naming it that have
    /// not ended. The organization is explicit: raw SQL sees no tenant filter.
    /// </summary>
    public async Task<DeviceSnapshot?> LoadAsync(HangarDbContext db, Guid organizationId, Guid deviceId, DateTime now, CancellationToken cancellationToken)
    {
        var snapshot = await queries.FindDeviceSnapshotAsync(organizationId, deviceId, cancellationToken);
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
}
