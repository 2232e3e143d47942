using Hangar.Contracts.Access;
using Hangar.Contracts.Common;
using Hangar.Core.Access;
using Hangar.Core.Events;
using Hangar.Core.Resources;
using Hangar.Data;
using Hangar.Data.Access;
using Hangar.Server.Features.Audit;
using Hangar.Server.Features.Events;
using Hangar.Server.Features.Idempotency;
using Hangar.Server.Hosting.Authentication;
using Hangar.Server.Hosting.Authorization;
using Hangar.Server.Hosting.Http;
using Hangar.Server.Hosting.Lists;
using Hangar.Server.Hosting.Problems;
using Hangar.Server.Hosting.References;
using Hangar.Server.Hosting.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Access;

internal static class ApiKeyEndpoints
{
    private static readonly SearchFields<ApiKey> Search = new SearchFields<ApiKey>()
        .String("name", k => k.Name)
        .String("prefix", k => k.Prefix, Core.Search.SearchOperator.Equals)
        .Enum("role", k => k.Role)
        .Uuid("created_by", k => k.UserId)
        .Boolean("revoked", k => k.RevokedAt != null)
        .DateTime("created_at", k => k.CreatedAt)
        .DateTime("expires_at", k => k.ExpiresAt);

    public static void MapApiKeys(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/api_keys").WithTags("API keys");
        group.MapGet("", ListAsync).Requires(Permission.ApiKeyRead)
            .WithSummary("List API keys").WithDescription("Search fields: name, prefix, role, created_by, revoked, created_at, expires_at.");
        group.MapGet("/{id}", GetAsync).Requires(Permission.ApiKeyRead).WithSummary("Get an API key");
        group.MapPost("", CreateAsync).Requires(Permission.ApiKeyManage).Audited("api_key.create").Idempotent().CarriesSecret()
            .WithSummary("Create an API key").WithDescription("The secret is in the response only; store it now.");
        group.MapDelete("/{id}", RevokeAsync).Requires(Permission.ApiKeyManage).Audited("api_key.revoke")
            .WithSummary("Revoke an API key").WithDescription("The key stops working at once; its record stays for the audit trail.");
    }

    private static Task<Results<Ok<ListResponse<ApiKeyResponse>>, ProblemHttpResult>> ListAsync(
        [AsParameters] ListRequest request, HangarDbContext db, CancellationToken cancellationToken) =>
        db.ApiKeys.AsNoTracking().ListAsync(request, Search, k => k.Id, k => k.ToResponse(), cancellationToken);

    private static async Task<Results<Ok<ApiKeyResponse>, ProblemHttpResult>> GetAsync(
        string id, HttpContext http, HangarDbContext db, CancellationToken cancellationToken)
    {
        var key = await FindAsync(id, http, db, cancellationToken);
        return key is null ? Problems.NotFound("API key") : TypedResults.Ok(key.ToResponse());
    }

    private static async Task<Results<Created<ApiKeyCreatedResponse>, ProblemHttpResult>> CreateAsync(
        CreateApiKeyRequest request, HttpContext http, HangarDbContext db, AuditScope audit, EventRecorder events, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var caller = http.RequireCaller();
        var now = time.GetUtcNow().UtcDateTime;
        var validator = new RequestValidator()
            .Text("name", request.Name, max: 100)
            .Role("role", request.Role, out var role)
            .FutureTime("expires_at", request.ExpiresAt, now);
        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        if (!PermissionMatrix.MayGrant(caller.Role, role))
        {
            return Problems.Forbidden(ErrorCodes.RoleTooHigh, $"A key cannot have a higher role than its creator ('{caller.Role.ToWire()}').");
        }

        var (key, secret) = ApiKeyFactory.Create(caller.OrganizationId, caller.UserId, request.Name.Trim(), role, request.ExpiresAt, now);
        db.ApiKeys.Add(key);
        audit.Resource(ResourceTypes.ApiKey, key.Id);
        events.Record(EventTypes.ApiKeyCreated, ResourceTypes.ApiKey, key.Id, ApiKeyEventData.Of(key));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/api_keys/{key.Id}", new ApiKeyCreatedResponse(key.ToResponse(), secret));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        string id, HttpContext http, HangarDbContext db, AuditScope audit, EventRecorder events, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = http.RequireCaller();
        var key = await FindAsync(id, http, db, cancellationToken);
        if (key is null)
        {
            return Problems.NotFound("API key");
        }

        if (key.UserId != caller.UserId && !PermissionMatrix.Allows(caller.Role, Permission.MemberManage))
        {
            return Problems.Forbidden(ErrorCodes.Forbidden, "Only admins and owners may revoke other users' keys.");
        }

        audit.Resource(ResourceTypes.ApiKey, key.Id);
        if (key.RevokedAt is null)
        {
            key.RevokedAt = time.GetUtcNow().UtcDateTime;
            events.Record(EventTypes.ApiKeyRevoked, ResourceTypes.ApiKey, key.Id, ApiKeyEventData.Of(key));
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.NoContent();
    }

    private static Task<ApiKey?> FindAsync(string id, HttpContext http, HangarDbContext db, CancellationToken cancellationToken)
    {
        return db.ApiKeys.FindByReferenceAsync(db, ReferenceRules.ApiKey, id, http.RequireCaller().OrganizationId, cancellationToken);
    }
}
