using Hangar.Core.Events;
using Hangar.Core.Releases;
using Hangar.Core.Resources;
using Hangar.Data;
using Hangar.Server.Features.Events;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Releases;

/// <summary>
/// Stopping a release's rollout for the devices that have not begun installing it: when a release is halted or rolled
/// back, its updates still offered, downloading or downloaded become <c>aborted</c> with the reason, one
/// <c>update.status_changed</c> each, in the caller's transaction (the caller saves, which records the events).
/// Installs under way go on: the device reports how they end.
/// </summary>
internal static class InFlightUpdates
{
    // The device update's reason column (DeviceUpdateConfiguration); a halt's reason with its prefix can be longer.
    private const int MaxReason = 512;

    public static async Task AbortAsync(HangarDbContext db, EventRecorder events, Guid releaseId, string reason, DateTime now, CancellationToken cancellationToken)
    {
        var seen = await (
            from u in db.DeviceUpdates.AsNoTracking()
            join d in db.Devices on u.DeviceId equals d.Id
            where u.ReleaseId == releaseId && (u.State == UpdateState.Offered || u.State == UpdateState.Downloading || u.State == UpdateState.Downloaded)
            select new { u.Id, u.State, d.Identifier }).ToListAsync(cancellationToken);
        if (seen.Count == 0)
        {
            return;
        }

        // The state is checked again as each row is written: on PostgreSQL a report that moved the update on
        // (to installing, say) meanwhile commits first, and the row is then left to the install under way.
        var ids = seen.Select(s => s.Id).ToList();
        var why = reason.Length <= MaxReason ? reason : reason[..MaxReason];
        await db.DeviceUpdates
            .Where(u => ids.Contains(u.Id) && (u.State == UpdateState.Offered || u.State == UpdateState.Downloading || u.State == UpdateState.Downloaded))
            .ExecuteUpdateAsync(s => s
            .SetProperty(u => u.State, UpdateState.Aborted)
            .SetProperty(u => u.Reason, why)
            .SetProperty(u => u.Retryable, false)
            .SetProperty(u => u.Progress, (int?)null)
            .SetProperty(u => u.FinishedAt, now)
            .SetProperty(u => u.UpdatedAt, now), cancellationToken);

        var aborted = await db.DeviceUpdates.AsNoTracking()
            .Where(u => ids.Contains(u.Id) && u.State == UpdateState.Aborted && u.FinishedAt == now)
            .Select(u => new { u.Id, u.OrganizationId, u.DeviceId, u.ReleaseId, u.BundleId, u.Attempt }).ToListAsync(cancellationToken);
        var before = seen.ToDictionary(s => s.Id);
        foreach (var update in aborted.OrderBy(u => u.Id))
        {
            events.Record(EventTypes.UpdateStatusChanged, ResourceTypes.Device, update.DeviceId, new UpdateStatusChangedEventData(
                before[update.Id].Identifier, update.Id, update.ReleaseId, null, update.BundleId, before[update.Id].State.ToWire(),
                UpdateState.Aborted.ToWire(), update.Attempt, why), update.OrganizationId);
        }
    }
}
