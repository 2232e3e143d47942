using Hangar.Data;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Updates;

/// <summary>
/// Everything an update check needs about one device, read in one query by primary key: its record, tags, its
/// cohort's graph stamp, the overrides naming it that have not ended, its phase claims and its latest offers.
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
    List<OverrideFacts> Overrides,
    List<Guid> ClaimedReleases,
    List<OfferKey> RecentOffers)
{
    /// <summary>Offers beyond this many are looked up only when needed; a device rarely has more in flight.</summary>
    private const int RecentOfferCount = 8;

    public static Task<DeviceSnapshot?> LoadAsync(HangarDbContext db, Guid deviceId, DateTime now, CancellationToken cancellationToken) =>
        db.Devices.AsNoTracking().Where(d => d.Id == deviceId).Select(d => new DeviceSnapshot(
            d.Id,
            d.OrganizationId,
            d.Identifier,
            d.Quarantined,
            d.CohortId,
            d.ReportedReleaseId,
            d.ReportedBundleId,
            d.ReportedReleaseVersion,
            d.Tags.Select(t => t.Value).ToList(),
            db.Cohorts.Where(c => c.Id == d.CohortId).Select(c => (Guid?)c.ReleaseGraphStamp).FirstOrDefault(),
            (from m in db.BundleOverrideDevices
             join o in db.BundleOverrides on m.BundleOverrideId equals o.Id
             where m.DeviceId == d.Id && (o.EndsAt == null || o.EndsAt > now)
             select new OverrideFacts(o.Id, o.Name, o.BundleId, o.StartsAt, o.EndsAt)).ToList(),
            db.PhaseClaims.Where(c => c.DeviceId == d.Id).Select(c => c.ReleaseId).ToList(),
            db.DeviceUpdates.Where(u => u.DeviceId == d.Id).OrderByDescending(u => u.OfferedAt).Take(RecentOfferCount)
                .Select(u => new OfferKey(u.ReleaseId, u.BundleOverrideId)).ToList()))
            .SingleOrDefaultAsync(cancellationToken);
}
