using Hangar.Contracts.Common;
using Hangar.Contracts.Firmware;
using Hangar.Core.Access;
using Hangar.Core.Resources;
using Hangar.Data;
using Hangar.Data.Firmware;
using Hangar.Server.Features.Audit;
using Hangar.Server.Features.Idempotency;
using Hangar.Server.Hosting.Authentication;
using Hangar.Server.Hosting.Authorization;
using Hangar.Server.Hosting.Lists;
using Hangar.Server.Hosting.Problems;
using Hangar.Server.Hosting.References;
using Hangar.Server.Hosting.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Firmware;

internal static class ArtifactEndpoints
{
    private static readonly SearchFields<Artifact> Search = new SearchFields<Artifact>()
        .String("name", a => a.Name)
        .String("description", a => a.Description)
        .DateTime("created_at", a => a.CreatedAt)
        .DateTime("updated_at", a => a.UpdatedAt);

    public static void MapArtifacts(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/artifacts").WithTags("Artifacts");
        group.MapGet("", ListAsync).Requires(Permission.FirmwareRead)
            .WithSummary("List artifacts").WithDescription("Search fields: name, description, created_at, updated_at.");
        group.MapGet("/{id}", GetAsync).Requires(Permission.FirmwareRead).WithSummary("Get an artifact");
        group.MapPost("", CreateAsync).Requires(Permission.FirmwareManage).Audited("artifact.create").Idempotent()
            .WithSummary("Create an artifact");
        group.MapPatch("/{id}", UpdateAsync).Requires(Permission.FirmwareManage).Audited("artifact.update")
            .WithSummary("Update an artifact");
        group.MapDelete("/{id}", DeleteAsync).Requires(Permission.FirmwareManage).Audited("artifact.delete")
            .WithSummary("Delete an artifact").WithDescription("Only an artifact without versions can be deleted (409 in_use).");
    }

    private static Task<Results<Ok<ListResponse<ArtifactResponse>>, ProblemHttpResult>> ListAsync(
        [AsParameters] ListRequest request, HangarDbContext db, CancellationToken cancellationToken) =>
        db.Artifacts.AsNoTracking().ListAsync(request, Search, a => a.Id, a => a.ToResponse(), cancellationToken);

    private static async Task<Results<Ok<ArtifactResponse>, ProblemHttpResult>> GetAsync(
        string id, HttpContext http, HangarDbContext db, CancellationToken cancellationToken)
    {
        var artifact = await FindAsync(id, http, db, cancellationToken);
        return artifact is null ? Problems.NotFound("Artifact") : TypedResults.Ok(artifact.ToResponse());
    }

    private static async Task<Results<Created<ArtifactResponse>, ProblemHttpResult>> CreateAsync(
        CreateArtifactRequest request, HttpContext http, HangarDbContext db, AuditScope audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = http.RequireCaller();
        var validator = new RequestValidator()
            .Text("name", request.Name, max: 128)
            .Text("description", request.Description, max: 256, required: false)
            .Metadata("custom_metadata", request.CustomMetadata, out var metadata);
        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        var name = request.Name.Trim();
        if (await db.Artifacts.AnyAsync(a => a.Name == name, cancellationToken))
        {
            return Problems.Conflict(ErrorCodes.AlreadyExists, $"An artifact named '{name}' already exists.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var artifact = new Artifact
        {
            Id = Guid.CreateVersion7(now),
            OrganizationId = caller.OrganizationId,
            Name = name,
            Description = request.Description?.Trim(),
            CustomMetadata = metadata,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Artifacts.Add(artifact);
        audit.Resource(ResourceTypes.Artifact, artifact.Id);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/artifacts/{artifact.Id}", artifact.ToResponse());
    }

    private static async Task<Results<Ok<ArtifactResponse>, ProblemHttpResult>> UpdateAsync(
        string id, UpdateArtifactRequest request, HttpContext http, HangarDbContext db, AuditScope audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var artifact = await FindAsync(id, http, db, cancellationToken);
        if (artifact is null)
        {
            return Problems.NotFound("Artifact");
        }

        var validator = new RequestValidator()
            .Text("name", request.Name, max: 128, required: false)
            .Text("description", request.Description, max: 256, required: false)
            .Metadata("custom_metadata", request.CustomMetadata, out var metadata);
        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        var name = request.Name?.Trim();
        if (name is not null && name != artifact.Name && await db.Artifacts.AnyAsync(a => a.Name == name, cancellationToken))
        {
            return Problems.Conflict(ErrorCodes.AlreadyExists, $"An artifact named '{name}' already exists.");
        }

        artifact.Name = name ?? artifact.Name;
        artifact.Description = request.Description?.Trim() ?? artifact.Description;
        artifact.CustomMetadata = metadata ?? artifact.CustomMetadata;
        artifact.UpdatedAt = time.GetUtcNow().UtcDateTime;
        audit.Resource(ResourceTypes.Artifact, artifact.Id);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(artifact.ToResponse());
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string id, HttpContext http, HangarDbContext db, AuditScope audit, CancellationToken cancellationToken)
    {
        var artifact = await FindAsync(id, http, db, cancellationToken);
        if (artifact is null)
        {
            return Problems.NotFound("Artifact");
        }

        audit.Resource(ResourceTypes.Artifact, artifact.Id);
        if (await db.ArtifactVersions.AnyAsync(v => v.ArtifactId == artifact.Id, cancellationToken))
        {
            return Problems.Conflict(ErrorCodes.InUse, "The artifact has versions; delete them first.");
        }

        db.Artifacts.Remove(artifact);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    internal static Task<Artifact?> FindAsync(string id, HttpContext http, HangarDbContext db, CancellationToken cancellationToken)
    {
        return db.Artifacts.FindByReferenceAsync(db, ReferenceRules.Artifact, id, http.RequireCaller().OrganizationId, cancellationToken);
    }
}
