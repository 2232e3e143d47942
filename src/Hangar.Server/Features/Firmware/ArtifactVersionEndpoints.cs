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

internal static class ArtifactVersionEndpoints
{
    private static readonly SearchFields<ArtifactVersion> Search = new SearchFields<ArtifactVersion>()
        .String("version", v => v.Version)
        .String("description", v => v.Description)
        .Uuid("artifact_id", v => v.ArtifactId)
        .DateTime("created_at", v => v.CreatedAt)
        .DateTime("updated_at", v => v.UpdatedAt);

    public static void MapArtifactVersions(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/artifact_versions").WithTags("Artifact versions");
        group.MapGet("", ListAsync).Requires(Permission.FirmwareRead)
            .WithSummary("List artifact versions").WithDescription("Search fields: version, description, artifact_id, created_at, updated_at.");
        group.MapGet("/{id}", GetAsync).Requires(Permission.FirmwareRead).WithSummary("Get an artifact version");
        group.MapPost("", CreateAsync).Requires(Permission.FirmwareManage).Audited("artifact_version.create").Idempotent()
            .WithSummary("Create an artifact version");
        group.MapPatch("/{id}", UpdateAsync).Requires(Permission.FirmwareManage).Audited("artifact_version.update")
            .WithSummary("Update an artifact version").WithDescription("The version string cannot change.");
        group.MapDelete("/{id}", DeleteAsync).Requires(Permission.FirmwareManage).Audited("artifact_version.delete")
            .WithSummary("Delete an artifact version").WithDescription("Only a version without binaries can be deleted (409 in_use).");
    }

    private static Task<Results<Ok<ListResponse<ArtifactVersionResponse>>, ProblemHttpResult>> ListAsync(
        [AsParameters] ListRequest request, HangarDbContext db, CancellationToken cancellationToken) =>
        db.ArtifactVersions.AsNoTracking().ListAsync(request, Search, v => v.Id, v => v.ToResponse(), cancellationToken);

    private static async Task<Results<Ok<ArtifactVersionResponse>, ProblemHttpResult>> GetAsync(
        string id, HttpContext http, HangarDbContext db, CancellationToken cancellationToken)
    {
        var version = await FindAsync(id, http, db, cancellationToken);
        return version is null ? Problems.NotFound("Artifact version") : TypedResults.Ok(version.ToResponse());
    }

    private static async Task<Results<Created<ArtifactVersionResponse>, ProblemHttpResult>> CreateAsync(
        CreateArtifactVersionRequest request, HttpContext http, HangarDbContext db, AuditScope audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = http.RequireCaller();
        var validator = new RequestValidator()
            .Text("version", request.Version, max: 128)
            .Text("description", request.Description, max: 256, required: false)
            .Metadata("custom_metadata", request.CustomMetadata, out var metadata);
        var artifact = await ArtifactEndpoints.FindAsync(request.Artifact, http, db, cancellationToken);
        if (artifact is null)
        {
            validator.Add("artifact", "must name an artifact of this organization.");
        }

        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        var versionText = request.Version.Trim();
        if (await db.ArtifactVersions.AnyAsync(v => v.ArtifactId == artifact!.Id && v.Version == versionText, cancellationToken))
        {
            return Problems.Conflict(ErrorCodes.AlreadyExists, $"Version '{versionText}' of this artifact already exists.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var version = new ArtifactVersion
        {
            Id = Guid.CreateVersion7(now),
            OrganizationId = caller.OrganizationId,
            ArtifactId = artifact!.Id,
            Version = versionText,
            Description = request.Description?.Trim(),
            CustomMetadata = metadata,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.ArtifactVersions.Add(version);
        audit.Resource(ResourceTypes.ArtifactVersion, version.Id);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/artifact_versions/{version.Id}", version.ToResponse());
    }

    private static async Task<Results<Ok<ArtifactVersionResponse>, ProblemHttpResult>> UpdateAsync(
        string id, UpdateArtifactVersionRequest request, HttpContext http, HangarDbContext db, AuditScope audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var version = await FindAsync(id, http, db, cancellationToken);
        if (version is null)
        {
            return Problems.NotFound("Artifact version");
        }

        var validator = new RequestValidator()
            .Text("description", request.Description, max: 256, required: false)
            .Metadata("custom_metadata", request.CustomMetadata, out var metadata);
        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        version.Description = request.Description?.Trim() ?? version.Description;
        version.CustomMetadata = metadata ?? version.CustomMetadata;
        version.UpdatedAt = time.GetUtcNow().UtcDateTime;
        audit.Resource(ResourceTypes.ArtifactVersion, version.Id);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(version.ToResponse());
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string id, HttpContext http, HangarDbContext db, AuditScope audit, CancellationToken cancellationToken)
    {
        var version = await FindAsync(id, http, db, cancellationToken);
        if (version is null)
        {
            return Problems.NotFound("Artifact version");
        }

        audit.Resource(ResourceTypes.ArtifactVersion, version.Id);
        if (await db.Binaries.AnyAsync(b => b.ArtifactVersionId == version.Id, cancellationToken))
        {
            return Problems.Conflict(ErrorCodes.InUse, "The version has binaries; delete them first.");
        }

        db.ArtifactVersions.Remove(version);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    internal static Task<ArtifactVersion?> FindAsync(string id, HttpContext http, HangarDbContext db, CancellationToken cancellationToken)
    {
        return db.ArtifactVersions.FindByReferenceAsync(db, ReferenceRules.ArtifactVersion, id, http.RequireCaller().OrganizationId, cancellationToken);
    }
}
