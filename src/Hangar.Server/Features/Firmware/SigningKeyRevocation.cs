using Hangar.Contracts.Firmware;
using Hangar.Core.Events;
using Hangar.Core.Firmware;
using Hangar.Core.Resources;
using Hangar.Data;
using Hangar.Server.Features.Audit;
using Hangar.Server.Features.Events;
using Hangar.Server.Features.Releases;
using Hangar.Server.Hosting.Problems;
using Hangar.Server.Hosting.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Firmware;

/// <summary>
/// <c>POST /signing_keys/{id}/revoke</c>. A revoked key's signatures stop counting: a binary is <c>signed</c> only
/// while a key that is not revoked has signed it, so binaries left with none go back to <c>signable</c>, bundles
/// holding them stop being deliverable, and update manifests no longer carry the key's signatures.
/// </summary>
internal static class SigningKeyRevocation
{
    public const int MaxReasonLength = 512;

    public static async Task<Results<Ok<SigningKeyResponse>, ProblemHttpResult>> RevokeAsync(
        string id, RevokeSigningKeyRequest request, HttpContext http, HangarDbContext db, AuditScope audit, EventRecorder events,
        IRevokedSignatureCaches manifests, TimeProvider time, CancellationToken cancellationToken)
    {
        var key = await SigningKeyEndpoints.FindAsync(id, http, db, cancellationToken);
        if (key is null)
        {
            return Problems.NotFound("Signing key");
        }

        var validator = new RequestValidator().Text("reason", request.Reason, max: MaxReasonLength);
        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        audit.Resource(ResourceTypes.SigningKey, key.Id);
        var now = time.GetUtcNow().UtcDateTime;
        var reason = request.Reason.Trim();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The key's row first: on PostgreSQL this waits for a signature being attached with the key to commit (it
        // locks the row too), so the recount below sees that signature; SQLite has one writer anyway.
        var revoked = await db.SigningKeys.Where(k => k.Id == key.Id && k.RevokedAt == null).ExecuteUpdateAsync(s => s
            .SetProperty(k => k.RevokedAt, now)
            .SetProperty(k => k.RevocationReason, reason)
            .SetProperty(k => k.UpdatedAt, now), cancellationToken);
        await db.Entry(key).ReloadAsync(cancellationToken);
        if (revoked == 0)
        {
            // Already revoked: the first revocation and its reason stay, and a retried request changes nothing.
            return TypedResults.Ok(key.ToResponse());
        }

        var unsigned = await db.Binaries
            .Where(b => b.State == BinaryState.Signed
                && db.BinarySignatures.Any(s => s.BinaryId == b.Id && s.SigningKeyId == key.Id)
                && !db.BinarySignatures.Any(s => s.BinaryId == b.Id && db.SigningKeys.Any(k => k.Id == s.SigningKeyId && k.RevokedAt == null)))
            .ToListAsync(cancellationToken);
        foreach (var binary in unsigned)
        {
            binary.State = BinaryState.Signable;
            binary.UpdatedAt = now;
        }

        await MarkGraphsChangedAsync(db, [.. unsigned.Select(b => b.Id)], now, cancellationToken);
        var bundles = await (
            from e in db.BundleEntries
            join s in db.BinarySignatures on e.BinaryId equals s.BinaryId
            where s.SigningKeyId == key.Id
            select e.BundleId).Distinct().ToListAsync(cancellationToken);
        events.Record(EventTypes.SigningKeyRevoked, ResourceTypes.SigningKey, key.Id, new SigningKeyRevokedEventData(key.KeyId, key.Name, reason, unsigned.Count));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await manifests.ForgetAsync(bundles, cancellationToken);
        return TypedResults.Ok(key.ToResponse());
    }

    /// <summary>Releases shipping a bundle with one of these binaries stop being deliverable: their cohorts' cached graphs are stale.</summary>
    private static async Task MarkGraphsChangedAsync(HangarDbContext db, List<Guid> binaryIds, DateTime now, CancellationToken cancellationToken)
    {
        if (binaryIds.Count == 0)
        {
            return;
        }

        var cohorts = await (
            from r in db.Releases
            join e in db.BundleEntries on r.BundleId equals e.BundleId
            where binaryIds.Contains(e.BinaryId)
            select r.CohortId).Distinct().ToListAsync(cancellationToken);
        if (cohorts.Count > 0)
        {
            await ReleaseGraphLock.ChangeAllAsync(db, cohorts, new DateTimeOffset(now, TimeSpan.Zero), cancellationToken);
        }
    }
}
