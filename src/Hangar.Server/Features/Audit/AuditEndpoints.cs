using Hangar.Contracts.Audit;
using Hangar.Contracts.Common;
using Hangar.Core.Access;
using Hangar.Core.Resources;
using Hangar.Core.Search;
using Hangar.Data;
using Hangar.Data.Audit;
using Hangar.Server.Hosting.Authentication;
using Hangar.Server.Hosting.Authorization;
using Hangar.Server.Hosting.Lists;
using Hangar.Server.Hosting.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Audit;

/// <summary>Read-only: no route changes or deletes audit rows, and the database refuses it too.</summary>
internal static class AuditEndpoints
{
    private static readonly SearchFields<AuditEntry> Search = new SearchFields<AuditEntry>()
        .String("action", a => a.Action)
        .String("actor_type", a => a.ActorType, SearchOperator.Equals)
        .Uuid("actor_id", a => a.ActorId)
        .String("actor_name", a => a.ActorName)
        .String("resource_type", a => a.ResourceType, SearchOperator.Equals)
        .Uuid("resource_id", a => a.ResourceId)
        .String("outcome", a => a.Outcome, SearchOperator.Equals)
        .Number("status_code", a => a.StatusCode)
        .String("request_id", a => a.RequestId, SearchOperator.Equals)
        .String("client_address", a => a.ClientAddress, SearchOperator.Equals)
        .DateTime("time", a => a.Time);

    public static RouteGroupBuilder MapAudit(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/audit").WithTags("Audit");
        group.MapGet("", ListAsync).Requires(Permission.AuditRead).WithSummary("List audit entries")
            .WithDescription("Search fields: action, actor_type, actor_id, actor_name, resource_type, resource_id, outcome, status_code, request_id, client_address, time.");
        group.MapGet("/{id}", GetAsync).Requires(Permission.AuditRead).WithSummary("Get an audit entry");
        return api;
    }

    private static Task<Results<Ok<ListResponse<AuditEntryResponse>>, ProblemHttpResult>> ListAsync(
        [AsParameters] ListRequest request, HangarDbContext db, CancellationToken cancellationToken) =>
        db.AuditEntries.AsNoTracking().ListAsync(request, Search, a => a.Id, a => a.ToResponse(), cancellationToken);

    private static async Task<Results<Ok<AuditEntryResponse>, ProblemHttpResult>> GetAsync(
        string id, HttpContext http, HangarDbContext db, CancellationToken cancellationToken)
    {
        var entryId = ResourceReference.Resolve(id, ResourceTypes.AuditEntry, http.RequireCaller().OrganizationId);
        var entry = entryId is null ? null : await db.AuditEntries.AsNoTracking().SingleOrDefaultAsync(a => a.Id == entryId, cancellationToken);
        return entry is null ? Problems.NotFound("Audit entry") : TypedResults.Ok(entry.ToResponse());
    }
}
