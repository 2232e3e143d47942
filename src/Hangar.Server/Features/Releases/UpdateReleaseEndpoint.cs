using Hangar.Contracts.Common;
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

internal static class UpdateReleaseEndpoint
{
    public static async Task<Results<Ok<ReleaseResponse>, ProblemHttpResult>> UpdateAsync(
        string id, UpdateReleaseRequest request, HttpContext http, HangarDbContext db, AuditScope audit, EventRecorder events, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var caller = http.RequireCaller();
        var found = await ReleaseReferences.ReleaseAsync(db, id, caller.OrganizationId, cancellationToken);
        if (found is null)
        {
            return Problems.NotFound("Release");
        }

        var validator = new RequestValidator();
        Guid? nextId = null;
        if (request.NextRelease is { } nextReference && nextReference.Trim().Length > 0)
        {
            nextId = (await ReleaseReferences.ReleaseAsync(db, nextReference, caller.OrganizationId, cancellationToken, found.CohortId))?.Id;
            if (nextId is null)
            {
                validator.Add("next_release", "must name a release of this organization (id, resource name or name), or be '' to make the release a latest one.");
            }
        }

        audit.Resource(ResourceTypes.Release, found.Id);
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var graph = await CohortReleases.LockAsync(db, found.CohortId, now, cancellationToken);
        if (graph.Find(found.Id) is not { } release)
        {
            return Problems.NotFound("Release");
        }

        var fields = ReleaseFieldRules.Merge(ReleaseFields.Of(release), Changes(request), validator);
        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        if (graph.Releases.Any(r => r.Id != release.Id && r.Name == fields.Name))
        {
            return CreateReleaseEndpoint.NameTaken(fields.Name);
        }

        if (release.HaltedAt is not null && request.Disabled == false)
        {
            return Problems.Conflict(ErrorCodes.ReleaseHalted,
                $"The release was halted ({release.HaltReason}); resume it with POST /api/v1/releases/{release.Id}/resume to enable it again.");
        }

        fields.ApplyTo(release);
        if (request.NextRelease is not null)
        {
            release.NextReleaseId = nextId;
        }

        release.UpdatedAt = now;
        if (graph.Refusal(now) is { } refusal)
        {
            return refusal;
        }

        events.Record(EventTypes.ReleaseUpdated, ResourceTypes.Release, release.Id, ReleaseEventData.Of(release));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(release.ToResponse(now));
    }

    private static ReleaseChanges Changes(UpdateReleaseRequest request) => new(
        Name: request.Name,
        Description: request.Description,
        Required: request.Required,
        Disabled: request.Disabled,
        ScheduleDate: request.ScheduleDate,
        ClearScheduleDate: request.ClearScheduleDate == true,
        PhaseMode: request.PhaseMode,
        PhaseValue: request.PhaseValue,
        PhaseTags: request.PhaseTags,
        Version: request.Version,
        VersionRequirement: request.VersionRequirement,
        VersionRequirementHyphenated: request.VersionRequirementHyphenated,
        HaltFailureRate: request.HaltFailureRate,
        HaltMinimumDevices: request.HaltMinimumDevices,
        ClearFailurePolicy: request.ClearFailurePolicy == true);
}
