using Hangar.Core.Events;
using Hangar.Core.Resources;
using Hangar.Data;
using Hangar.Data.Queries;
using Hangar.Server.Features.Events;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Updates;

/// <summary>
/// Records what a device reports running when it differs from the record, and says so with
/// <c>device.release_changed</c> (saying whether each id names a release or bundle of the organization). Unchanged
/// reports (the common case) cost nothing, unknown ids included, since they are recorded as reported.
/// </summary>
internal static class ReportedStateRecorder
{
    public static async Task RecordAsync(HangarDbContext db, EventRecorder events, DeviceSnapshot device, ReportedState reported, CancellationToken cancellationToken)
    {
        // Recorded as reported, so an unchanged report costs no query however odd its ids; only another
        // organization's resource name (Guid.Empty) is recorded as nothing, so it is never echoed.
        var release = reported.ReleaseId == Guid.Empty ? null : reported.ReleaseId;
        var bundle = reported.BundleId == Guid.Empty ? null : reported.BundleId;
        var version = reported.Version?.ToString();
        if (release == device.ReportedReleaseId && bundle == device.ReportedBundleId && version == device.ReportedReleaseVersion)
        {
            return;
        }

        var releaseKnown = release is { } r && await db.Releases.AnyAsync(x => x.Id == r, cancellationToken);
        var bundleKnown = bundle is { } b && await db.Bundles.AnyAsync(x => x.Id == b, cancellationToken);
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
            release,
            releaseKnown,
            device.ReportedBundleId,
            bundle,
            bundleKnown,
            device.ReportedReleaseVersion,
            version), device.OrganizationId);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
