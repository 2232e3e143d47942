using Hangar.Contracts.Access;
using Hangar.Contracts.Common;
using Hangar.Contracts.Organizations;
using Hangar.Core.Access;
using Hangar.Core.Events;
using Hangar.Core.Resources;
using Hangar.Data;
using Hangar.Data.Access;
using Hangar.Data.Organizations;
using Hangar.Data.Tenancy;
using Hangar.Server.Features.Access;
using Hangar.Server.Features.Audit;
using Hangar.Server.Features.Events;
using Hangar.Server.Features.Idempotency;
using Hangar.Server.Hosting.Authentication;
using Hangar.Server.Hosting.Authorization;
using Hangar.Server.Hosting.Http;
using Hangar.Server.Hosting.Lists;
using Hangar.Server.Hosting.Problems;
using Hangar.Server.Hosting.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Organizations;

/// <summary>
/// Organizations are the tenant boundary. A console session sees every organization its user belongs to; an API key
/// belongs to one organization and sees only that one.
/// </summary>
internal static class OrganizationEndpoints
{
    private static readonly SearchFields<Organization> Search = new SearchFields<Organization>()
        .String("name", o => o.Name)
        .DateTime("created_at", o => o.CreatedAt);

    public static RouteGroupBuilder MapOrganizations(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/organizations").WithTags("Organizations");
        group.MapGet("", ListAsync).Requires(Permission.OrganizationRead)
            .WithSummary("List organizations").WithDescription("Search fields: name, created_at.");
        group.MapGet("/{id}", GetAsync).Requires(Permission.OrganizationRead).WithSummary("Get an organization");
        group.MapPost("", CreateAsync).Requires(Permission.OrganizationCreate).Audited("organization.create").Idempotent().CarriesSecret()
            .WithSummary("Create an organization")
            .WithDescription("Owners may create further organizations; the caller's user becomes their owner. Set create_api_key for an owner key in the new organization (shown once).");
        group.MapPatch("/{id}", UpdateAsync).Requires(Permission.OrganizationUpdate).Audited("organization.update")
            .WithSummary("Rename the current organization");
        return api;
    }

    private static Task<Results<Ok<ListResponse<OrganizationResponse>>, ProblemHttpResult>> ListAsync(
        [AsParameters] ListRequest request, HttpContext http, HangarDbContext db, CancellationToken cancellationToken) =>
        Visible(db, http.RequireCaller()).AsNoTracking().ListAsync(request, Search, o => o.Id, o => o.ToResponse(), cancellationToken);

    private static async Task<Results<Ok<OrganizationResponse>, ProblemHttpResult>> GetAsync(
        string id, HttpContext http, HangarDbContext db, CancellationToken cancellationToken)
    {
        var caller = http.RequireCaller();
        var organizationId = Resolve(id);
        var organization = organizationId is null ? null
            : await Visible(db, caller).AsNoTracking().SingleOrDefaultAsync(o => o.Id == organizationId, cancellationToken);
        return organization is null ? Problems.NotFound("Organization") : TypedResults.Ok(organization.ToResponse());
    }

    private static async Task<Results<Created<OrganizationCreatedResponse>, ProblemHttpResult>> CreateAsync(
        CreateOrganizationRequest request, HttpContext http, HangarDbContext db, AuditScope audit, EventRecorder events, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var validator = new RequestValidator().Text("name", request.Name, max: 100);
        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        var caller = http.RequireCaller();
        var now = time.GetUtcNow().UtcDateTime;
        var organization = new Organization { Id = Guid.CreateVersion7(now), Name = request.Name.Trim(), CreatedAt = now, UpdatedAt = now };
        db.Organizations.Add(organization);
        db.Memberships.Add(new Membership { Id = Guid.CreateVersion7(now), OrganizationId = organization.Id, UserId = caller.UserId, Role = Role.Owner, CreatedAt = now, UpdatedAt = now });
        ApiKeyCreatedResponse? apiKey = null;
        if (request.CreateApiKey)
        {
            var (key, secret) = ApiKeyFactory.Create(organization.Id, caller.UserId, $"initial key for {organization.Name}", Role.Owner, null, now);
            db.ApiKeys.Add(key);
            events.Record(EventTypes.ApiKeyCreated, ResourceTypes.ApiKey, key.Id, ApiKeyEventData.Of(key), organization.Id);
            apiKey = new ApiKeyCreatedResponse(key.ToResponse(), secret);
        }

        audit.Resource(ResourceTypes.Organization, organization.Id);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/organizations/{organization.Id}", new OrganizationCreatedResponse(organization.ToResponse(), apiKey));
    }

    private static async Task<Results<Ok<OrganizationResponse>, ProblemHttpResult>> UpdateAsync(
        string id, UpdateOrganizationRequest request, HttpContext http, HangarDbContext db, AuditScope audit, EventRecorder events, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var caller = http.RequireCaller();
        // Changes apply to the organization the caller is acting in; naming another one is "not found".
        if (Resolve(id) != caller.OrganizationId)
        {
            return Problems.NotFound("Organization");
        }

        var validator = new RequestValidator().Text("name", request.Name, max: 100, required: false);
        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        var organization = await db.Organizations.SingleAsync(o => o.Id == caller.OrganizationId, cancellationToken);
        audit.Resource(ResourceTypes.Organization, organization.Id);
        if (request.Name is not null)
        {
            if (request.Name.Trim() != organization.Name)
            {
                events.Record(EventTypes.OrganizationUpdated, ResourceTypes.Organization, organization.Id,
                    new { name = request.Name.Trim(), previous_name = organization.Name });
            }

            organization.Name = request.Name.Trim();
            organization.UpdatedAt = time.GetUtcNow().UtcDateTime;
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(organization.ToResponse());
    }

    private static IQueryable<Organization> Visible(HangarDbContext db, Caller caller) =>
        caller.Kind == CallerKind.ApiKey
            ? db.Organizations.Where(o => o.Id == caller.OrganizationId)
            : db.Organizations.Where(o => db.Memberships.IgnoreQueryFilters(new[] { TenantFilter.Name }).Any(m => m.OrganizationId == o.Id && m.UserId == caller.UserId));

    private static Guid? Resolve(string id) =>
        Guid.TryParseExact(id, "D", out var guid) ? guid
        : ResourceName.TryParse(id, out var name) && name.Type == ResourceTypes.Organization ? name.OrganizationId
        : null;
}
