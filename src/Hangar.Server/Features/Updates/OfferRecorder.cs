using Hangar.Core.Events;
using Hangar.Core.Releases;
using Hangar.Core.Resources;
using Hangar.Data;
using Hangar.Data.Queries;
using Hangar.Data.Releases;
using Hangar.Server.Features.Events;
using Hangar.Server.Hosting.Database;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Updates;

/// <summary>
/// Records the first time a device is offered an update (<c>device.checked_for_release</c>): the row its status
/// reports then move forward, and what per-release statistics count as "offered". Later checks offering the same
/// update find the row in the device snapshot and write nothing. A concurrent check of the same device recording
/// the same offer first makes the insert fail on the unique index, which is fine.
/// </summary>
internal static class OfferRecorder
{
    public static async Task RecordAsync(
        HangarDbContext db, EventRecorder events, DeviceSnapshot device, OfferKey offer, Guid bundleId, ReleaseFacts? release, DateTime now, CancellationToken cancellationToken)
    {
        if (device.Offers.Contains(offer))
        {
            return;
        }

        var update = new DeviceUpdate
        {
            Id = Guid.CreateVersion7(now),
            OrganizationId = device.OrganizationId,
            DeviceId = device.Id,
            ReleaseId = offer.ReleaseId,
            BundleOverrideId = offer.BundleOverrideId,
            BundleId = bundleId,
            State = UpdateState.Offered,
            OfferedAt = now,
            UpdatedAt = now,
        };
        db.DeviceUpdates.Add(update);
        events.Record(EventTypes.DeviceCheckedForRelease, ResourceTypes.Device, device.Id,
            new DeviceCheckedForReleaseEventData(device.Identifier, offer.ReleaseId, release?.Version, offer.BundleOverrideId, bundleId), device.OrganizationId);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // The device's own concurrent check recorded the offer first.
            db.ChangeTracker.Clear();
            events.DiscardPending();
        }
    }
}
