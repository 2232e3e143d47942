using Hangar.Data.Devices;
using Hangar.Data.Releases;

namespace Hangar.Server.Features.Fleet;

/// <summary>What a summary covers: the caller's whole organization (the tenant filter), one product, or one cohort.</summary>
internal sealed record FleetScope(Guid? ProductId, Guid? CohortId)
{
    public IQueryable<Device> Devices(IQueryable<Device> devices) =>
        CohortId is { } cohort ? devices.Where(d => d.CohortId == cohort)
        : ProductId is { } product ? devices.Where(d => d.ProductId == product)
        : devices;

    public IQueryable<Release> Releases(IQueryable<Release> releases, IQueryable<Cohort> cohorts) =>
        CohortId is { } cohort ? releases.Where(r => r.CohortId == cohort)
        : ProductId is { } product ? releases.Where(r => cohorts.Any(c => c.Id == r.CohortId && c.ProductId == product))
        : releases;
}
