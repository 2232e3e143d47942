using Hangar.Contracts.Fleet;
using Hangar.Data;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Fleet;

/// <summary>Devices by state in one aggregate statement: the database counts, the server never loads a device.</summary>
internal static class FleetDeviceCounts
{
    /// <summary>How long a device not online must have been neither connected nor seen to count as offline for long.</summary>
    public static readonly TimeSpan LongOffline = TimeSpan.FromHours(24);

    public static async Task<FleetDeviceCountsResponse> LoadAsync(HangarDbContext db, FleetScope scope, DateTime now, CancellationToken cancellationToken)
    {
        var since = now - LongOffline;
        var counts = await scope.Devices(db.Devices.AsNoTracking())
            .GroupBy(d => 1)
            .Select(g => new FleetDeviceCountsResponse(
                g.LongCount(),
                g.LongCount(d => d.Online),
                g.LongCount(d => !d.Online && (d.LastConnectedAt != null || d.LastSeenAt != null)
                    && (d.LastConnectedAt == null || d.LastConnectedAt < since) && (d.LastSeenAt == null || d.LastSeenAt < since)),
                g.LongCount(d => !d.Online && d.LastConnectedAt == null && d.LastSeenAt == null),
                g.LongCount(d => d.Quarantined),
                g.LongCount(d => d.Healthy == false)))
            .SingleOrDefaultAsync(cancellationToken);
        return counts ?? new FleetDeviceCountsResponse(0, 0, 0, 0, 0);
    }
}
