using Hangar.Data;
using Hangar.Data.Devices;
using Hangar.Server.Hosting.References;

namespace Hangar.Server.Features.Devices;

/// <summary>
/// Finds the product or cohort a request names, by <see cref="ReferenceLookup"/>'s rule; a cohort only among its
/// product's, where its name is unique, so CSV files and JITP settings can be written by hand.
/// </summary>
internal static class FleetReferences
{
    public static Task<Product?> ProductAsync(HangarDbContext db, string? reference, Guid organizationId, CancellationToken cancellationToken) =>
        db.Products.FindByReferenceAsync(db, ReferenceRules.Product, reference, organizationId, cancellationToken);

    public static Task<Cohort?> CohortAsync(HangarDbContext db, string? reference, Guid productId, Guid organizationId, CancellationToken cancellationToken) =>
        db.Cohorts.Where(c => c.ProductId == productId).FindByReferenceAsync(db, ReferenceRules.Cohort, reference, organizationId, cancellationToken);
}
