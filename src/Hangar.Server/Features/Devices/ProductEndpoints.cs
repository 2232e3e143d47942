using Hangar.Contracts.Common;
using Hangar.Contracts.Devices;
using Hangar.Core.Access;
using Hangar.Core.Resources;
using Hangar.Data;
using Hangar.Data.Devices;
using Hangar.Server.Features.Audit;
using Hangar.Server.Features.Idempotency;
using Hangar.Server.Hosting.Authentication;
using Hangar.Server.Hosting.Authorization;
using Hangar.Server.Hosting.Database;
using Hangar.Server.Hosting.Lists;
using Hangar.Server.Hosting.Problems;
using Hangar.Server.Hosting.References;
using Hangar.Server.Hosting.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Devices;

internal static class ProductEndpoints
{
    private static readonly SearchFields<Product> Search = new SearchFields<Product>()
        .String("name", p => p.Name)
        .Boolean("archived", p => p.Archived)
        .DateTime("created_at", p => p.CreatedAt)
        .DateTime("updated_at", p => p.UpdatedAt);

    public static void MapProducts(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/products").WithTags("Products");
        group.MapGet("", ListAsync).Requires(Permission.ProductRead)
            .WithSummary("List products").WithDescription("Search fields: name, archived, created_at, updated_at.");
        group.MapGet("/{id}", GetAsync).Requires(Permission.ProductRead).WithSummary("Get a product");
        group.MapPost("", CreateAsync).Requires(Permission.ProductManage).Audited("product.create").Idempotent()
            .WithSummary("Create a product");
        group.MapPatch("/{id}", UpdateAsync).Requires(Permission.ProductManage).Audited("product.update")
            .WithSummary("Rename or archive a product").WithDescription("A product that still has devices cannot be archived (409 product_has_devices).");
        group.MapDelete("/{id}", DeleteAsync).Requires(Permission.ProductManage).Audited("product.delete")
            .WithSummary("Delete a product").WithDescription("Only a product without devices, cohorts or CA provisioning settings can be deleted (409 in_use).");
    }

    private static Task<Results<Ok<ListResponse<ProductResponse>>, ProblemHttpResult>> ListAsync(
        [AsParameters] ListRequest request, HangarDbContext db, CancellationToken cancellationToken) =>
        db.Products.AsNoTracking().ListAsync(request, Search, p => p.Id, p => p.ToResponse(), cancellationToken);

    private static async Task<Results<Ok<ProductResponse>, ProblemHttpResult>> GetAsync(
        string id, HttpContext http, HangarDbContext db, CancellationToken cancellationToken)
    {
        var product = await FindAsync(id, http, db, cancellationToken);
        return product is null ? Problems.NotFound("Product") : TypedResults.Ok(product.ToResponse());
    }

    private static async Task<Results<Created<ProductResponse>, ProblemHttpResult>> CreateAsync(
        CreateProductRequest request, HttpContext http, HangarDbContext db, AuditScope audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var validator = new RequestValidator().Text("name", request.Name, max: 100);
        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        var now = time.GetUtcNow().UtcDateTime;
        var name = request.Name.Trim();
        if (await db.Products.AnyAsync(p => p.Name == name, cancellationToken))
        {
            return NameTaken(name);
        }

        var product = new Product { Id = Guid.CreateVersion7(now), OrganizationId = http.RequireCaller().OrganizationId, Name = name, Archived = request.Archived, CreatedAt = now, UpdatedAt = now };
        db.Products.Add(product);
        audit.Resource(ResourceTypes.Product, product.Id);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            return NameTaken(name);
        }

        return TypedResults.Created($"/api/v1/products/{product.Id}", product.ToResponse());
    }

    private static async Task<Results<Ok<ProductResponse>, ProblemHttpResult>> UpdateAsync(
        string id, UpdateProductRequest request, HttpContext http, HangarDbContext db, AuditScope audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var validator = new RequestValidator().Text("name", request.Name, max: 100, required: false);
        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        var product = await FindAsync(id, http, db, cancellationToken);
        if (product is null)
        {
            return Problems.NotFound("Product");
        }

        audit.Resource(ResourceTypes.Product, product.Id);
        var name = request.Name?.Trim();
        if (name is not null && name != product.Name && await db.Products.AnyAsync(p => p.Name == name, cancellationToken))
        {
            return NameTaken(name);
        }

        if (request.Archived == true && !product.Archived && await db.Devices.AnyAsync(d => d.ProductId == product.Id, cancellationToken))
        {
            return Problems.Conflict(ErrorCodes.ProductHasDevices, "A product with devices cannot be archived; move or delete its devices first.");
        }

        product.Name = name ?? product.Name;
        product.Archived = request.Archived ?? product.Archived;
        product.UpdatedAt = time.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            return NameTaken(name!);
        }

        return TypedResults.Ok(product.ToResponse());
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string id, HttpContext http, HangarDbContext db, AuditScope audit, CancellationToken cancellationToken)
    {
        var product = await FindAsync(id, http, db, cancellationToken);
        if (product is null)
        {
            return Problems.NotFound("Product");
        }

        audit.Resource(ResourceTypes.Product, product.Id);
        if (await db.Devices.AnyAsync(d => d.ProductId == product.Id, cancellationToken)
            || await db.Cohorts.AnyAsync(c => c.ProductId == product.Id, cancellationToken)
            || await db.CaCertificates.AnyAsync(c => c.JitpProductId == product.Id, cancellationToken))
        {
            return Problems.Conflict(ErrorCodes.InUse, "The product still has devices, cohorts or CA provisioning settings; archive it instead.");
        }

        db.Products.Remove(product);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult NameTaken(string name) =>
        Problems.Conflict(ErrorCodes.AlreadyExists, $"A product named '{name}' already exists.");

    private static async Task<Product?> FindAsync(string id, HttpContext http, HangarDbContext db, CancellationToken cancellationToken)
    {
        return await db.Products.FindByReferenceAsync(db, ReferenceRules.Product, id, http.RequireCaller().OrganizationId, cancellationToken);
    }
}
