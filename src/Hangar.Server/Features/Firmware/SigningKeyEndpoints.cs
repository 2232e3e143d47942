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
using Hangar.Signing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Firmware;

internal static class SigningKeyEndpoints
{
    private static readonly SearchFields<SigningKey> Search = new SearchFields<SigningKey>()
        .String("name", k => k.Name)
        .String("key_id", k => k.KeyId, Core.Search.SearchOperator.Equals)
        .Boolean("revoked", k => k.RevokedAt != null)
        .DateTime("created_at", k => k.CreatedAt)
        .DateTime("updated_at", k => k.UpdatedAt);

    public static void MapSigningKeys(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/signing_keys").WithTags("Signing keys");
        group.MapGet("", ListAsync).Requires(Permission.FirmwareRead)
            .WithSummary("List signing keys").WithDescription("Search fields: name, key_id, revoked, created_at, updated_at.");
        group.MapGet("/{id}", GetAsync).Requires(Permission.FirmwareRead).WithSummary("Get a signing key");
        group.MapPost("", CreateAsync).Requires(Permission.SigningKeyManage).Audited("signing_key.create").Idempotent()
            .WithSummary("Register an Ed25519 public key").WithDescription("value: base64 of the raw 32 bytes or a PEM PUBLIC KEY. The key id is the hex SHA-256 of the raw key.");
        group.MapPatch("/{id}", UpdateAsync).Requires(Permission.SigningKeyManage).Audited("signing_key.update").WithSummary("Rename a signing key");
        group.MapPost("/{id}/revoke", SigningKeyRevocation.RevokeAsync).Requires(Permission.SigningKeyManage).Audited("signing_key.revoke")
            .WithSummary("Revoke a signing key for good")
            .WithDescription("Its signatures stop counting everywhere: binaries left without a signature by a key that is not revoked go back to signable, bundles holding them stop being deliverable (releases and overrides refuse them, devices are not offered them), and update manifests leave its signatures out. Final: a revoked key cannot be un-revoked, deleted or used for new signatures. Revoking a revoked key changes nothing (the first reason stays).");
        group.MapDelete("/{id}", DeleteAsync).Requires(Permission.SigningKeyManage).Audited("signing_key.delete")
            .WithSummary("Remove a signing key").WithDescription("A key that signed binaries cannot be removed (409 in_use), nor can a revoked key (409 signing_key_revoked: it stays registered so that it can never be registered afresh).");
    }

    private static Task<Results<Ok<ListResponse<SigningKeyResponse>>, ProblemHttpResult>> ListAsync(
        [AsParameters] ListRequest request, HangarDbContext db, CancellationToken cancellationToken) =>
        db.SigningKeys.AsNoTracking().ListAsync(request, Search, k => k.Id, k => k.ToResponse(), cancellationToken);

    private static async Task<Results<Ok<SigningKeyResponse>, ProblemHttpResult>> GetAsync(
        string id, HttpContext http, HangarDbContext db, CancellationToken cancellationToken)
    {
        var key = await FindAsync(id, http, db, cancellationToken);
        return key is null ? Problems.NotFound("Signing key") : TypedResults.Ok(key.ToResponse());
    }

    private static async Task<Results<Created<SigningKeyResponse>, ProblemHttpResult>> CreateAsync(
        CreateSigningKeyRequest request, HttpContext http, HangarDbContext db, AuditScope audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = http.RequireCaller();
        var validator = new RequestValidator().Text("name", request.Name, max: 100);
        if (!Ed25519.TryParsePublicKey(request.Value, out var publicKey, out var error))
        {
            validator.Add("value", error + ".");
        }

        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        var name = request.Name.Trim();
        var keyId = Ed25519.KeyId(publicKey);
        if (await db.SigningKeys.AnyAsync(k => k.Name == name || k.KeyId == keyId, cancellationToken))
        {
            return Problems.Conflict(ErrorCodes.AlreadyExists, "A signing key with this name or this public key is already registered.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var key = new SigningKey
        {
            Id = Guid.CreateVersion7(now),
            OrganizationId = caller.OrganizationId,
            Name = name,
            PublicKey = publicKey,
            KeyId = keyId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.SigningKeys.Add(key);
        audit.Resource(ResourceTypes.SigningKey, key.Id);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/signing_keys/{key.Id}", key.ToResponse());
    }

    private static async Task<Results<Ok<SigningKeyResponse>, ProblemHttpResult>> UpdateAsync(
        string id, UpdateSigningKeyRequest request, HttpContext http, HangarDbContext db, AuditScope audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var key = await FindAsync(id, http, db, cancellationToken);
        if (key is null)
        {
            return Problems.NotFound("Signing key");
        }

        var validator = new RequestValidator().Text("name", request.Name, max: 100);
        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        var name = request.Name.Trim();
        if (name != key.Name && await db.SigningKeys.AnyAsync(k => k.Name == name, cancellationToken))
        {
            return Problems.Conflict(ErrorCodes.AlreadyExists, $"A signing key named '{name}' already exists.");
        }

        key.Name = name;
        key.UpdatedAt = time.GetUtcNow().UtcDateTime;
        audit.Resource(ResourceTypes.SigningKey, key.Id);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(key.ToResponse());
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string id, HttpContext http, HangarDbContext db, AuditScope audit, CancellationToken cancellationToken)
    {
        var key = await FindAsync(id, http, db, cancellationToken);
        if (key is null)
        {
            return Problems.NotFound("Signing key");
        }

        audit.Resource(ResourceTypes.SigningKey, key.Id);
        if (key.RevokedAt is not null)
        {
            return Problems.Conflict(ErrorCodes.SigningKeyRevoked, "A revoked key stays registered, so that the same public key can never be registered again as a fresh key.");
        }

        if (await db.BinarySignatures.AnyAsync(s => s.SigningKeyId == key.Id, cancellationToken))
        {
            return Problems.Conflict(ErrorCodes.InUse, "The key has signed binaries; delete those signatures first.");
        }

        db.SigningKeys.Remove(key);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>By id, resource name, name or key id (the hex SHA-256 of the public key).</summary>
    internal static Task<SigningKey?> FindAsync(string id, HttpContext http, HangarDbContext db, CancellationToken cancellationToken) =>
        db.SigningKeys.FindByReferenceAsync(db, ReferenceRules.SigningKey, id, http.RequireCaller().OrganizationId, cancellationToken);
}
