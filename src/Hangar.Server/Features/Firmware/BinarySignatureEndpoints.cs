using Hangar.Contracts.Common;
using Hangar.Contracts.Firmware;
using Hangar.Core.Access;
using Hangar.Core.Events;
using Hangar.Core.Firmware;
using Hangar.Core.Resources;
using Hangar.Data;
using Hangar.Data.Firmware;
using Hangar.Server.Features.Audit;
using Hangar.Server.Features.Events;
using Hangar.Server.Features.Idempotency;
using Hangar.Server.Hosting.Authentication;
using Hangar.Server.Hosting.Authorization;
using Hangar.Server.Hosting.Lists;
using Hangar.Server.Hosting.Problems;
using Hangar.Server.Hosting.Validation;
using Hangar.Signing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Firmware;

internal static class BinarySignatureEndpoints
{
    private static readonly SearchFields<BinarySignature> Search = new SearchFields<BinarySignature>()
        .Uuid("binary_id", s => s.BinaryId)
        .Uuid("signing_key_id", s => s.SigningKeyId)
        .DateTime("created_at", s => s.CreatedAt);

    public static void MapBinarySignatures(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/binary_signatures").WithTags("Binary signatures");
        group.MapGet("", ListAsync).Requires(Permission.FirmwareRead)
            .WithSummary("List binary signatures").WithDescription("Search fields: binary_id, signing_key_id, created_at.");
        group.MapGet("/{id}", GetAsync).Requires(Permission.FirmwareRead).WithSummary("Get a binary signature");
        group.MapPost("", CreateAsync).Requires(Permission.FirmwareManage).Audited("binary_signature.create").Idempotent()
            .WithSummary("Attach a signature to a binary")
            .WithDescription("The signed message is the raw 32-byte SHA-256 digest of the binary. Invalid, non-canonical (S >= L) and wrong-length signatures are 400 invalid_signature. The first valid signature moves a signable binary to signed. A revoked key cannot sign (409 signing_key_revoked).");
        group.MapDelete("/{id}", DeleteAsync).Requires(Permission.FirmwareManage).Audited("binary_signature.delete")
            .WithSummary("Remove a signature").WithDescription("Removing the last signature moves the binary back to signable, unless it is in a bundle (409 in_use).");
    }

    private static async Task<Results<Ok<ListResponse<BinarySignatureResponse>>, ProblemHttpResult>> ListAsync(
        [AsParameters] ListRequest request, HangarDbContext db, CancellationToken cancellationToken)
    {
        if (!ListQueries.TryPrepare(request, Search, out var spec, out var problem))
        {
            return problem!;
        }

        var page = await db.BinarySignatures.AsNoTracking().ToPageAsync(spec, Search, s => s.Id, s => s, cancellationToken);
        var keyIds = page.Data.Select(s => s.SigningKeyId).Distinct().ToList();
        var keys = await db.SigningKeys.Where(k => keyIds.Contains(k.Id)).ToDictionaryAsync(k => k.Id, k => k.KeyId, cancellationToken);
        return TypedResults.Ok(new ListResponse<BinarySignatureResponse>(page.Data.Select(s => s.ToResponse(keys[s.SigningKeyId])).ToList(), page.NextPage));
    }

    private static async Task<Results<Ok<BinarySignatureResponse>, ProblemHttpResult>> GetAsync(
        string id, HttpContext http, HangarDbContext db, CancellationToken cancellationToken)
    {
        var signature = await FindAsync(id, http, db, cancellationToken);
        if (signature is null)
        {
            return Problems.NotFound("Binary signature");
        }

        var keyId = await db.SigningKeys.Where(k => k.Id == signature.SigningKeyId).Select(k => k.KeyId).SingleAsync(cancellationToken);
        return TypedResults.Ok(signature.ToResponse(keyId));
    }

    private static async Task<Results<Created<BinarySignatureResponse>, ProblemHttpResult>> CreateAsync(
        CreateBinarySignatureRequest request, HttpContext http, HangarDbContext db, AuditScope audit, EventRecorder events, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = http.RequireCaller();
        var validator = new RequestValidator();
        var binary = await BinaryEndpoints.FindAsync(request.Binary, http, db, cancellationToken);
        if (binary is null)
        {
            validator.Add("binary", "must name a binary of this organization.");
        }

        var key = await SigningKeyEndpoints.FindAsync(request.SigningKey, http, db, cancellationToken);
        if (key is null)
        {
            validator.Add("signing_key", "must name a signing key of this organization (id, resource name or key id).");
        }

        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        audit.Resource(ResourceTypes.Binary, binary!.Id);
        if (key!.RevokedAt is not null)
        {
            return KeyRevoked(key);
        }

        if (binary.State is not (BinaryState.Signable or BinaryState.Signed))
        {
            return Problems.Conflict(ErrorCodes.InvalidState, $"Only signable or signed binaries can be signed; this one is {binary.State.ToWire()}.");
        }

        if (!Ed25519.TryParseSignature(request.Signature, out var signatureBytes))
        {
            return Problems.BadRequest(ErrorCodes.InvalidSignature, "The signature must be 64 bytes, as 128 hex digits or base64.");
        }

        if (!Ed25519.Verify(key.PublicKey, Convert.FromHexString(binary.Sha256), signatureBytes))
        {
            return Problems.BadRequest(ErrorCodes.InvalidSignature,
                $"The signature does not verify under key {key.KeyId} over the binary's raw 32-byte SHA-256 digest (or it is not canonical).");
        }

        if (await db.BinarySignatures.AnyAsync(s => s.BinaryId == binary.Id && s.SigningKeyId == key.Id, cancellationToken))
        {
            return Problems.Conflict(ErrorCodes.AlreadyExists, "This key has already signed this binary.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Locks the key's row while it is still not revoked: a revocation running now either committed first (no
        // row matches) or waits for this signature and then counts it (see SigningKeyRevocation).
        if (await db.SigningKeys.Where(k => k.Id == key.Id && k.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.UpdatedAt, k => k.UpdatedAt), cancellationToken) == 0)
        {
            return KeyRevoked(key);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var signature = new BinarySignature
        {
            Id = Guid.CreateVersion7(now),
            OrganizationId = caller.OrganizationId,
            BinaryId = binary.Id,
            SigningKeyId = key.Id,
            Signature = signatureBytes,
            CreatedAt = now,
        };
        db.BinarySignatures.Add(signature);
        if (binary.State == BinaryState.Signable)
        {
            binary.State = BinaryState.Signed;
            binary.UpdatedAt = now;
            events.Record(EventTypes.BinarySigned, ResourceTypes.Binary, binary.Id, new BinarySignedEventData(binary.Sha256, binary.Target, key.KeyId));
        }

        audit.Resource(ResourceTypes.BinarySignature, signature.Id);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/binary_signatures/{signature.Id}", signature.ToResponse(key.KeyId));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string id, HttpContext http, HangarDbContext db, AuditScope audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var signature = await FindAsync(id, http, db, cancellationToken);
        if (signature is null)
        {
            return Problems.NotFound("Binary signature");
        }

        audit.Resource(ResourceTypes.BinarySignature, signature.Id);
        var binary = await db.Binaries.SingleAsync(b => b.Id == signature.BinaryId, cancellationToken);
        // Only signatures by keys that are not revoked keep a binary signed.
        var last = !await db.BinarySignatures.AnyAsync(
            s => s.BinaryId == binary.Id && s.Id != signature.Id && db.SigningKeys.Any(k => k.Id == s.SigningKeyId && k.RevokedAt == null), cancellationToken);
        if (last && binary.State == BinaryState.Signed)
        {
            if (await db.BundleEntries.AnyAsync(e => e.BinaryId == binary.Id, cancellationToken))
            {
                return Problems.Conflict(ErrorCodes.InUse, "This is the only signature of a binary in a bundle.");
            }

            binary.State = BinaryState.Signable;
            binary.UpdatedAt = time.GetUtcNow().UtcDateTime;
        }

        db.BinarySignatures.Remove(signature);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult KeyRevoked(SigningKey key) =>
        Problems.Conflict(ErrorCodes.SigningKeyRevoked, $"Signing key {key.KeyId} was revoked ({key.RevocationReason}); its signatures count for nothing.");

    private static Task<BinarySignature?> FindAsync(string id, HttpContext http, HangarDbContext db, CancellationToken cancellationToken)
    {
        var signatureId = ResourceReference.Resolve(id, ResourceTypes.BinarySignature, http.RequireCaller().OrganizationId);
        return signatureId is null ? Task.FromResult<BinarySignature?>(null) : db.BinarySignatures.SingleOrDefaultAsync(s => s.Id == signatureId, cancellationToken);
    }
}
