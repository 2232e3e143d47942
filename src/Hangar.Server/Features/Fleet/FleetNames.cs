using Hangar.Data;
using Hangar.Data.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Fleet;

/// <summary>The names behind the ids a snapshot keeps as labels, looked up for those ids only.</summary>
internal sealed class FleetNames
{
    private readonly Dictionary<Guid, string> _organizations;
    private readonly Dictionary<Guid, string> _products;
    private readonly Dictionary<Guid, string> _cohorts;
    private readonly Dictionary<Guid, FleetReleaseLabel> _releases;

    private FleetNames(Dictionary<Guid, string> organizations, Dictionary<Guid, string> products, Dictionary<Guid, string> cohorts,
        Dictionary<Guid, FleetReleaseLabel> releases)
    {
        _organizations = organizations;
        _products = products;
        _cohorts = cohorts;
        _releases = releases;
    }

    public static async Task<FleetNames> LoadAsync(HangarDbContext db, IReadOnlySet<(Guid Organization, Guid Product, Guid? Cohort)> groups,
        IReadOnlySet<Guid> releaseIds, CancellationToken cancellationToken)
    {
        var productIds = groups.Select(g => g.Product).Distinct().ToList();
        var releaseList = releaseIds.ToList();
        var releases = await db.Releases.IgnoreQueryFilters([TenantFilter.Name])
            .Where(r => releaseList.Contains(r.Id))
            .Select(r => new { r.Id, r.OrganizationId, r.CohortId, r.Name })
            .ToListAsync(cancellationToken);
        var cohortIds = groups.Where(g => g.Cohort is not null).Select(g => g.Cohort!.Value).Concat(releases.Select(r => r.CohortId)).Distinct().ToList();
        var organizationIds = groups.Select(g => g.Organization).Concat(releases.Select(r => r.OrganizationId)).Distinct().ToList();

        var organizations = await db.Organizations.Where(o => organizationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var products = await db.Products.IgnoreQueryFilters([TenantFilter.Name]).Where(p => productIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var cohorts = await db.Cohorts.IgnoreQueryFilters([TenantFilter.Name]).Where(c => cohortIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var releaseLabels = releases.ToDictionary(r => r.Id, r => new FleetReleaseLabel(
            organizations.GetValueOrDefault(r.OrganizationId, Unknown), cohorts.GetValueOrDefault(r.CohortId, Unknown), r.Name));
        return new FleetNames(organizations, products, cohorts, releaseLabels);
    }

    /// <summary>A row deleted between the counting and the naming query.</summary>
    private const string Unknown = "unknown";

    /// <summary>Devices outside any cohort.</summary>
    public const string NoCohort = "none";

    public string Organization(Guid id) => _organizations.GetValueOrDefault(id, Unknown);

    public string Product(Guid id) => _products.GetValueOrDefault(id, Unknown);

    public string Cohort(Guid? id) => id is { } cohort ? _cohorts.GetValueOrDefault(cohort, Unknown) : NoCohort;

    /// <summary>A kept release's labels; a release not kept (or deleted) is "other", no release is "none".</summary>
    public FleetReleaseLabel Release(Guid? id) =>
        id is null ? FleetReleaseLabel.None : _releases.GetValueOrDefault(id.Value, FleetReleaseLabel.Other);
}
