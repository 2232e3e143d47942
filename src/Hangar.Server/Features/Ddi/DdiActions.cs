using Hangar.Core.Releases;
using Hangar.Data;
using Hangar.Data.Releases;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Ddi;

/// <summary>
/// A device's hawkBit actions: its update rows (one per release or bundle override it was offered), each with its
/// number (<see cref="DdiActionIds"/>). The open action is the offer's row while it is not final. An action to cancel
/// is one the server stopped that the device has not acknowledged: aborted by the server (a halt or rollback aborts
/// the updates that have not begun installing) without the device's own <c>aborted</c> report, or any other unfinished
/// row the offer no longer names (an install under way when its release was halted, an override that ended, an update
/// a newer one replaced). The installed action is the last committed one.
/// </summary>
internal sealed class DdiActions(IReadOnlyList<DeviceUpdate> updates, IReadOnlySet<Guid> acknowledgedAborts)
{
    public static async Task<DdiActions> LoadAsync(HangarDbContext db, Guid deviceId, CancellationToken cancellationToken)
    {
        var updates = await db.DeviceUpdates.AsNoTracking().Where(u => u.DeviceId == deviceId).ToListAsync(cancellationToken);
        var acknowledged = await db.DeviceUpdateReports.AsNoTracking().Where(r => r.DeviceId == deviceId && r.State == UpdateState.Aborted)
            .Select(r => r.DeviceUpdateId).ToListAsync(cancellationToken);
        return new DdiActions(updates, acknowledged.ToHashSet());
    }

    /// <summary>The bundles of all the device's actions: what its artifact downloads may name.</summary>
    public IEnumerable<Guid> BundleIds => updates.OrderByDescending(u => u.OfferedAt).Select(u => u.BundleId).Distinct();

    public DeviceUpdate? ById(long actionId) => updates.FirstOrDefault(u => DdiActionIds.For(u.Id) == actionId);

    /// <summary>The row the offer names, when the device still has work to do on it.</summary>
    public DeviceUpdate? Open(OfferKey? offered) =>
        offered is { } key ? updates.FirstOrDefault(u => Names(key, u) && !u.State.IsFinal()) : null;

    /// <summary>The oldest action the server stopped and the device has not acknowledged.</summary>
    public DeviceUpdate? ToCancel(OfferKey? offered) =>
        updates.Where(u => IsStopped(u) || (!u.State.IsFinal() && (offered is not { } key || !Names(key, u)))).OrderBy(u => u.OfferedAt).FirstOrDefault();

    /// <summary>Whether a cancel request stands for the action: aborted but not acknowledged, or not finished.</summary>
    public bool MayCancel(DeviceUpdate update) => IsStopped(update) || !update.State.IsFinal();

    /// <summary>The last update the device committed.</summary>
    public DeviceUpdate? Installed() =>
        updates.Where(u => u.State == UpdateState.Committed).OrderByDescending(u => u.FinishedAt).FirstOrDefault();

    private bool IsStopped(DeviceUpdate update) => update.State == UpdateState.Aborted && !acknowledgedAborts.Contains(update.Id);

    private static bool Names(OfferKey key, DeviceUpdate update) => update.ReleaseId == key.ReleaseId && update.BundleOverrideId == key.BundleOverrideId;
}
