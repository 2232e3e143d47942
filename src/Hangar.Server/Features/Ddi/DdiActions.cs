using Hangar.Core.Releases;
using Hangar.Data;
using Hangar.Data.Releases;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Ddi;

/// <summary>
/// A device's hawkBit actions: its update rows (one per release or bundle override it was offered), each with its
/// number (<see cref="DdiActionIds"/>). The open action is the offer's row while it is not final; an action to cancel
/// is any other row that is not final (its release was halted, its override ended, or a newer update replaced it);
/// the installed action is the last committed one.
/// </summary>
internal sealed class DdiActions(IReadOnlyList<DeviceUpdate> updates)
{
    public static async Task<DdiActions> LoadAsync(HangarDbContext db, Guid deviceId, CancellationToken cancellationToken) =>
        new(await db.DeviceUpdates.AsNoTracking().Where(u => u.DeviceId == deviceId).ToListAsync(cancellationToken));

    public DeviceUpdate? ById(long actionId) => updates.FirstOrDefault(u => DdiActionIds.For(u.Id) == actionId);

    /// <summary>The row the offer names, when the device still has work to do on it.</summary>
    public DeviceUpdate? Open(OfferKey? offered) =>
        offered is { } key ? updates.FirstOrDefault(u => u.ReleaseId == key.ReleaseId && u.BundleOverrideId == key.BundleOverrideId && !u.State.IsFinal()) : null;

    /// <summary>The oldest unfinished row the offer no longer names: the server stopped it, and the device is told to cancel.</summary>
    public DeviceUpdate? ToCancel(OfferKey? offered) =>
        updates.Where(u => !u.State.IsFinal() && (offered is not { } key || u.ReleaseId != key.ReleaseId || u.BundleOverrideId != key.BundleOverrideId))
            .OrderBy(u => u.OfferedAt).FirstOrDefault();

    /// <summary>The last update the device committed.</summary>
    public DeviceUpdate? Installed() =>
        updates.Where(u => u.State == UpdateState.Committed).OrderByDescending(u => u.FinishedAt).FirstOrDefault();
}
