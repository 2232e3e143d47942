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

internal static class CohortEndpoints
{
    private static readonly SearchFields<Cohort> Search = new SearchFields<Cohort>()
        .String("name", c => c.Name)
        .String("description", c => c.Description)
        .Uuid("product_id", c => c.ProductId)
        .DateTime("created_at", c => c.CreatedAt)
        .DateTime("updated_at", c => c.UpdatedAt);

    public static void MapCohorts(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/cohorts").WithTags("Cohorts");
        group.MapGet("", ListAsync).Requires(Permission.CohortRead)
            .WithSummary("List cohorts").WithDescription("Search fields: name, description, product_id, created_at, updated_at.");
        group.MapGet("/{id}", GetAsync).Requires(Permission.CohortRead).WithSummary("Get a cohort");
        group.MapPost("", CreateAsync).Requires(Permission.CohortManage).Audited("cohort.create").Idempotent()
            .WithSummary("Create a cohort");
        group.MapPatch("/{id}", UpdateAsync).Requires(Permission.CohortManage).Audited("cohort.update")
            .WithSummary("Rename or describe a cohort");
        group.MapDelete("/{id}", DeleteAsync).Requires(Permission.CohortManage).Audited("cohort.delete")
            .WithSummary("Delete a cohort").WithDescription("Only a cohort without devices or releases and not used by CA provisioning settings can be deleted (409 in_use).");
    }

    private static Task<Results<Ok<ListResponse<CohortResponse>>, ProblemHttpResult>> ListAsync(
        [AsParameters] ListRequest request, HangarDbContext db, CancellationToken cancellationToken) =>
        db.Cohorts.AsNoTracking().ListAsync(request, Search, c => c.Id, c => c.ToResponse(), cancellationToken);

    private static async Task<Results<Ok<CohortResponse>, ProblemHttpResult>> GetAsync(
        string id, HttpContext http, HangarDbContext db, CancellationToken cancellationToken)
    {
        var cohort = await FindAsync(id, http, db, cancellationToken);
        return cohort is null ? Problems.NotFound("Cohort") : TypedResults.Ok(cohort.ToResponse());
    }

    private static async Task<Results<Created<CohortResponse>, ProblemHttpResult>> CreateAsync(
        CreateCohortRequest request, HttpContext http, HangarDbContext db, AuditScope audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = http.RequireCaller();
        var validator = new RequestValidator()
            .Text("name", request.Name, max: 128)
            .Text("description", request.Description, max: 256, required: false);
        var product = await FleetReferences.ProductAsync(db, request.ProductId, caller.OrganizationId, cancellationToken);
        if (product is null)
        {
            validator.Add("product_id", "must name a product of this organization.");
        }

        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        var now = time.GetUtcNow().UtcDateTime;
        var name = request.Name.Trim();
        if (await db.Cohorts.AnyAsync(c => c.ProductId == product!.Id && c.Name == name, cancellationToken))
        {
            return NameTaken(name);
        }

        var cohort = new Cohort
        {
            Id = Guid.CreateVersion7(now),
            OrganizationId = caller.OrganizationId,
            ProductId = product!.Id,
            Name = name,
            Description = FleetText.Optional(request.Description),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Cohorts.Add(cohort);
        audit.Resource(ResourceTypes.Cohort, cohort.Id);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            return NameTaken(name);
        }

        return TypedResults.Created($"/api/v1/cohorts/{cohort.Id}", cohort.ToResponse());
    }

    private static async Task<Results<Ok<CohortResponse>, ProblemHttpResult>> UpdateAsync(
        string id, UpdateCohortRequest request, HttpContext http, HangarDbContext db, AuditScope audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var validator = new RequestValidator()
            .Text("name", request.Name, max: 128, required: false)
            .Text("description", request.Description, max: 256, min: 0, required: false);
        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        var cohort = await FindAsync(id, http, db, cancellationToken);
        if (cohort is null)
        {
            return Problems.NotFound("Cohort");
        }

        audit.Resource(ResourceTypes.Cohort, cohort.Id);
        var name = request.Name?.Trim();
        if (name is not null && name != cohort.Name && await db.Cohorts.AnyAsync(c => c.ProductId == cohort.ProductId && c.Name == name, cancellationToken))
        {
            return NameTaken(name);
        }

        cohort.Name = name ?? cohort.Name;
        if (request.Description is not null)
        {
            cohort.Description = FleetText.Optional(request.Description);
        }

        cohort.UpdatedAt = time.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            return NameTaken(name!);
        }

        return TypedResults.Ok(cohort.ToResponse());
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string id, HttpContext http, HangarDbContext db, AuditScope audit, CancellationToken cancellationToken)
    {
        var cohort = await FindAsync(id, http, db, cancellationToken);
        if (cohort is null)
        {
            return Problems.NotFound("Cohort");
        }

        audit.Resource(ResourceTypes.Cohort, cohort.Id);
        if (await db.Devices.AnyAsync(d => d.CohortId == cohort.Id, cancellationToken)
            || await db.CaCertificates.AnyAsync(c => c.JitpCohortId == cohort.Id, cancellationToken)
            || await db.Releases.AnyAsync(r => r.CohortId == cohort.Id, cancellationToken))
        {
            return Problems.Conflict(ErrorCodes.InUse, "The cohort still has devices or releases, or is used by CA provisioning settings.");
        }

        db.Cohorts.Remove(cohort);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult NameTaken(string name) =>
        Problems.Conflict(ErrorCodes.AlreadyExists, $"The product already has a cohort named '{name}'.");

    private static async Task<Cohort?> FindAsync(string id, HttpContext http, HangarDbContext db, CancellationToken cancellationToken)
    {
        return await db.Cohorts.FindByReferenceAsync(db, ReferenceRules.Cohort, id, http.RequireCaller().OrganizationId, cancellationToken);
    }
}
