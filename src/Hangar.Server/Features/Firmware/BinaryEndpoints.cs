using System.Diagnostics;
using Hangar.Contracts.Common;
using Hangar.Contracts.Firmware;
using Hangar.Core.Access;
using Hangar.Core.Firmware;
using Hangar.Core.Resources;
using Hangar.Data;
using Hangar.Data.Firmware;
using Hangar.Server.Features.Audit;
using Hangar.Server.Features.Idempotency;
using Hangar.Server.Hosting.Authentication;
using Hangar.Server.Hosting.Authorization;
using Hangar.Server.Hosting.Lists;
using Hangar.Server.Hosting.Observability;
using Hangar.Server.Hosting.Problems;
using Hangar.Server.Hosting.References;
using Hangar.Server.Hosting.Validation;
using Hangar.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Firmware;

internal static class BinaryEndpoints
{
    /// <summary>S3's limit on parts per upload, kept so an object store can take over the same uploads.</summary>
    public const int MaxParts = 10_000;

    private static readonly SearchFields<Binary> Search = new SearchFields<Binary>()
        .String("target", b => b.Target)
        .String("sha256", b => b.Sha256, Core.Search.SearchOperator.Equals)
        .Enum("state", b => b.State)
        .Number("size", b => b.Size)
        .String("description", b => b.Description)
        .Uuid("artifact_version_id", b => b.ArtifactVersionId)
        .DateTime("created_at", b => b.CreatedAt)
        .DateTime("updated_at", b => b.UpdatedAt);

    public static void MapBinaries(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/binaries").WithTags("Binaries");
        group.MapGet("", ListAsync).Requires(Permission.FirmwareRead)
            .WithSummary("List binaries").WithDescription("Search fields: target, sha256, state, size, description, artifact_version_id, created_at, updated_at.");
        group.MapGet("/{id}", GetAsync).Requires(Permission.FirmwareRead).WithSummary("Get a binary");
        group.MapPost("", CreateAsync).Requires(Permission.FirmwareManage).Audited("binary.create").Idempotent()
            .WithSummary("Create a binary").WithDescription("Declares size and SHA-256; upload the content in parts next.");
        group.MapPatch("/{id}", UpdateAsync).Requires(Permission.FirmwareManage).Audited("binary.update")
            .WithSummary("Update a binary or change its state")
            .WithDescription("state: hashable (all parts uploaded), hashing (verify; the server moves it to signable), uploadable (reset; deletes the parts), destroyed (delete the content of a signed binary; the record stays).");
        group.MapDelete("/{id}", DeleteAsync).Requires(Permission.FirmwareManage).Audited("binary.delete")
            .WithSummary("Delete a binary").WithDescription("Deletes the record, its parts, signatures and content. A binary in a bundle cannot be deleted (409 in_use); destroy it instead.");
        group.MapBinaryParts();
        group.MapBinaryDownloads();
    }

    private static Task<Results<Ok<ListResponse<BinaryResponse>>, ProblemHttpResult>> ListAsync(
        [AsParameters] ListRequest request, HangarDbContext db, CancellationToken cancellationToken) =>
        db.Binaries.AsNoTracking().ListAsync(request, Search, b => b.Id, b => b.ToResponse(), cancellationToken);

    private static async Task<Results<Ok<BinaryResponse>, ProblemHttpResult>> GetAsync(
        string id, HttpContext http, HangarDbContext db, CancellationToken cancellationToken)
    {
        var binary = await FindAsync(id, http, db, cancellationToken);
        return binary is null ? Problems.NotFound("Binary") : TypedResults.Ok(binary.ToResponse());
    }

    private static async Task<Results<Created<BinaryResponse>, ProblemHttpResult>> CreateAsync(
        CreateBinaryRequest request, HttpContext http, HangarDbContext db, AuditScope audit, TimeProvider time,
        IOptions<FirmwareOptions> options, CancellationToken cancellationToken)
    {
        var caller = http.RequireCaller();
        var maxSize = options.Value.MaxPartBytes * MaxParts;
        var validator = new RequestValidator()
            .Text("target", request.Target, max: 128)
            .Text("description", request.Description, max: 256, required: false)
            .Metadata("custom_metadata", request.CustomMetadata, out var metadata);
        if (!IsTarget(request.Target))
        {
            validator.Add("target", "may contain only letters, digits and . _ + - (e.g. 'aarch64-unknown-linux-gnu').");
        }

        if (request.Size < 1 || request.Size > maxSize)
        {
            validator.Add("size", $"must be 1 to {maxSize} bytes.");
        }

        if (!BlobNames.IsSha256(request.Sha256))
        {
            validator.Add("sha256", "must be 64 lowercase hex digits.");
        }

        var version = await ArtifactVersionEndpoints.FindAsync(request.ArtifactVersion, http, db, cancellationToken);
        if (version is null)
        {
            validator.Add("artifact_version", "must name an artifact version of this organization.");
        }

        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        if (await db.Binaries.AnyAsync(b => b.ArtifactVersionId == version!.Id && b.Target == request.Target && b.State != BinaryState.Destroyed, cancellationToken))
        {
            return Problems.Conflict(ErrorCodes.AlreadyExists, $"This artifact version already has a binary for target '{request.Target}'.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var binary = new Binary
        {
            Id = Guid.CreateVersion7(now),
            OrganizationId = caller.OrganizationId,
            ArtifactVersionId = version!.Id,
            Target = request.Target,
            Size = request.Size,
            Sha256 = request.Sha256,
            State = BinaryState.Uploadable,
            Description = request.Description?.Trim(),
            CustomMetadata = metadata,
            UploadGeneration = 0,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Binaries.Add(binary);
        audit.Resource(ResourceTypes.Binary, binary.Id);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/binaries/{binary.Id}", binary.ToResponse());
    }

    private static async Task<Results<Ok<BinaryResponse>, ProblemHttpResult>> UpdateAsync(
        string id, UpdateBinaryRequest request, HttpContext http, HangarDbContext db, AuditScope audit, TimeProvider time,
        BinaryLifecycle lifecycle, CancellationToken cancellationToken)
    {
        var binary = await FindAsync(id, http, db, cancellationToken);
        if (binary is null)
        {
            return Problems.NotFound("Binary");
        }

        var state = binary.State;
        var validator = new RequestValidator()
            .Text("description", request.Description, max: 256, required: false)
            .Metadata("custom_metadata", request.CustomMetadata, out var metadata);
        if (request.State is not null && !BinaryStates.TryParse(request.State, out state))
        {
            validator.Add("state", $"must be one of: {string.Join(", ", BinaryStates.All)}.");
        }

        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        audit.Resource(ResourceTypes.Binary, binary.Id);
        // Completing an upload (the move to hashable checks that the parts make up the binary) is a traced step.
        using var span = state == BinaryState.Hashable && binary.State != BinaryState.Hashable
            ? UploadTracing.Source.StartForRequest(UploadTracing.CompleteSpan, http)
            : null;
        span?.SetTag(RequestSpans.OrganizationIdTag, binary.OrganizationId.ToString()).SetTag(UploadTracing.BinaryIdTag, binary.Id.ToString());
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (refusal, afterCommit) = await lifecycle.ApplyAsync(binary, state, now, cancellationToken);
        if (refusal is not null)
        {
            span?.SetStatus(ActivityStatusCode.Error, refusal.Code);
            return Problems.Conflict(refusal.Code, refusal.Detail);
        }

        binary.Description = request.Description?.Trim() ?? binary.Description;
        binary.CustomMetadata = metadata ?? binary.CustomMetadata;
        binary.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (afterCommit is not null)
        {
            await afterCommit(CancellationToken.None);
        }

        return TypedResults.Ok(binary.ToResponse());
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string id, HttpContext http, HangarDbContext db, AuditScope audit, BinaryContent content, CancellationToken cancellationToken)
    {
        var binary = await FindAsync(id, http, db, cancellationToken);
        if (binary is null)
        {
            return Problems.NotFound("Binary");
        }

        audit.Resource(ResourceTypes.Binary, binary.Id);
        if (await db.BundleEntries.AnyAsync(e => e.BinaryId == binary.Id, cancellationToken))
        {
            return Problems.Conflict(ErrorCodes.InUse, "The binary is part of a bundle; destroy it instead (PATCH state=destroyed).");
        }

        if (binary.State == BinaryState.Hashing)
        {
            return Problems.Conflict(ErrorCodes.InvalidState, "The binary is being hashed; reset it (PATCH state=uploadable) or wait.");
        }

        var held = BinaryContent.HoldingStates.Contains(binary.State);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.BinarySignatures.Where(s => s.BinaryId == binary.Id).ExecuteDeleteAsync(cancellationToken);
        await db.BinaryParts.Where(p => p.BinaryId == binary.Id).ExecuteDeleteAsync(cancellationToken);
        db.Binaries.Remove(binary);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await content.AbortUploadAsync(binary.Id, binary.UploadGeneration, CancellationToken.None);
        if (held)
        {
            await content.ReleaseObjectAsync(binary.Sha256, binary.Id, CancellationToken.None);
        }

        return TypedResults.NoContent();
    }

    internal static Task<Binary?> FindAsync(string id, HttpContext http, HangarDbContext db, CancellationToken cancellationToken)
    {
        return db.Binaries.FindByReferenceAsync(db, ReferenceRules.Binary, id, http.RequireCaller().OrganizationId, cancellationToken);
    }

    private static bool IsTarget(string? target) =>
        target is not null && target.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '+' or '-') && !target.Contains("..", StringComparison.Ordinal);
}
