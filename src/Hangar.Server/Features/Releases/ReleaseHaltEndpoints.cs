using Hangar.Contracts.Releases;
using Hangar.Core.Events;
using Hangar.Core.Resources;
using Hangar.Data;
using Hangar.Server.Features.Audit;
using Hangar.Server.Features.Events;
using Hangar.Server.Hosting.Authentication;
using Hangar.Server.Hosting.Problems;
using Hangar.Server.Hosting.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hangar.Server.Features.Releases;

/// <summary>An operator halting and resuming a rollout. Both hold the cohort's graph lock so update checks drop their cached graph.</summary>
internal static class ReleaseHaltEndpoints
{
    public const int MaxReasonLength = 512;

    public static async Task<Results<Ok<ReleaseResponse>, ProblemHttpResult>> HaltAsync(
        string id, HaltReleaseRequest request, HttpContext http, HangarDbContext db, AuditScope audit, EventRecorder events, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var found = await ReleaseReferences.ReleaseAsync(db, id, http.RequireCaller().OrganizationId, cancellationToken);
        if (found is null)
        {
            return Problems.NotFound("Release");
        }

        var validator = new RequestValidator().Text("reason", request.Reason, max: MaxReasonLength);
        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        audit.Resource(ResourceTypes.Release, found.Id);
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var graph = await CohortReleases.LockAsync(db, found.CohortId, now, cancellationToken);
        if (graph.Find(found.Id) is not { } release)
        {
            return Problems.NotFound("Release");
        }

        // Halting a halted release keeps the first halt (and its reason): a retried request changes nothing.
        if (release.HaltedAt is null)
        {
            await ReleaseHalting.HaltAsync(db, release, request.Reason.Trim(), automatic: false, now, events, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return TypedResults.Ok(release.ToResponse(now));
    }

    public static async Task<Results<Ok<ReleaseResponse>, ProblemHttpResult>> ResumeAsync(
        string id, HttpContext http, HangarDbContext db, AuditScope audit, EventRecorder events, TimeProvider time, CancellationToken cancellationToken)
    {
        var found = await ReleaseReferences.ReleaseAsync(db, id, http.RequireCaller().OrganizationId, cancellationToken);
        if (found is null)
        {
            return Problems.NotFound("Release");
        }

        audit.Resource(ResourceTypes.Release, found.Id);
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var graph = await CohortReleases.LockAsync(db, found.CohortId, now, cancellationToken);
        if (graph.Find(found.Id) is not { } release)
        {
            return Problems.NotFound("Release");
        }

        if (release.HaltedAt is not null || release.Disabled)
        {
            release.HaltedAt = null;
            release.HaltReason = null;
            release.Disabled = false;
            release.UpdatedAt = now;
            events.Record(EventTypes.ReleaseResumed, ResourceTypes.Release, release.Id, ReleaseEventData.Of(release));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return TypedResults.Ok(release.ToResponse(now));
    }
}
