using Hangar.Core.Events;
using Hangar.Core.Resources;
using Hangar.Data;
using Hangar.Server.Features.Events;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Updates;

/// <summary>
/// Records what a device reports running when it differs from the record, and says so with
/// <c>device.release_changed</c>. Unchanged reports (the common case) cost nothing; unknown ids are recorded as
/// nothing, so a device repeating an unknown id does not produce an event per check.
/// </summary>
internal static class ReportedStateRecorder
{
    public static async Task RecordAsync(HangarDbContext db, EventRecorder events, DeviceSnapshot device, ReportedState reported, CancellationToken cancellationToken)
    {
        var version = reported.Version?.ToString();
        if (reported.ReleaseId == device.ReportedReleaseId && reported.BundleId == device.ReportedBundleId && version == device.ReportedReleaseVersion)
        {
            return;
        }

        var release = reported.ReleaseId is { } r && r != device.ReportedReleaseId && !await db.Releases.AnyAsync(x => x.Id == r, cancellationToken)
            ? null : reported.ReleaseId;
        var bundle = reported.BundleId is { } b && b != device.ReportedBundleId && !await db.Bundles.AnyAsync(x => x.Id == b, cancellationToken)
            ? null : reported.BundleId;
        if (release == device.ReportedReleaseId && bundle == device.ReportedBundleId && version == device.ReportedReleaseVersion)
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var updated = await db.Devices.Where(d => d.Id == device.Id).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.ReportedReleaseId, release)
            .SetProperty(d => d.ReportedBundleId, bundle)
            .SetProperty(d => d.ReportedReleaseVersion, version), cancellationToken);
        if (updated == 0)
        {
            return;
        }

        events.Record(EventTypes.DeviceReleaseChanged, ResourceTypes.Device, device.Id, new DeviceReleaseChangedEventData(
            device.Identifier,
            device.ReportedReleaseId,
            NullIfUnknownTenant(reported.ReleaseId),
            release is not null,
            device.ReportedBundleId,
            NullIfUnknownTenant(reported.BundleId),
            bundle is not null,
            device.ReportedReleaseVersion,
            version), device.OrganizationId);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    // Guid.Empty stands for another organization's resource name: say "unknown", never echo it.
    private static Guid? NullIfUnknownTenant(Guid? id) => id == Guid.Empty ? null : id;
}
