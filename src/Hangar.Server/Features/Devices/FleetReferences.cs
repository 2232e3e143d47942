using Hangar.Core.Resources;
using Hangar.Data;
using Hangar.Data.Devices;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Devices;

/// <summary>
/// Finds the product or cohort a request names: by id, by resource name, or by name (products are unique by name
/// in an organization, cohorts within their product), so CSV files and JITP settings can be written by hand.
/// </summary>
internal static class FleetReferences
{
    public static async Task<Product?> ProductAsync(HangarDbContext db, string? reference, Guid organizationId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            return null;
        }

        var id = ResourceReference.Resolve(reference.Trim(), ResourceTypes.Product, organizationId);
        if (id is not null)
        {
            return await db.Products.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        }

        var name = reference.Trim();
        return ResourceName.TryParse(name, out _) ? null : await db.Products.SingleOrDefaultAsync(p => p.Name == name, cancellationToken);
    }

    public static async Task<Cohort?> CohortAsync(HangarDbContext db, string? reference, Guid productId, Guid organizationId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            return null;
        }

        var id = ResourceReference.Resolve(reference.Trim(), ResourceTypes.Cohort, organizationId);
        if (id is not null)
        {
            return await db.Cohorts.SingleOrDefaultAsync(c => c.Id == id && c.ProductId == productId, cancellationToken);
        }

        var name = reference.Trim();
        return ResourceName.TryParse(name, out _) ? null
            : await db.Cohorts.SingleOrDefaultAsync(c => c.ProductId == productId && c.Name == name, cancellationToken);
    }
}
