using Hangar.Contracts.Common;
using Hangar.Contracts.Releases;
using Hangar.Core.Events;
using Hangar.Core.Resources;
using Hangar.Data;
using Hangar.Data.Releases;
using Hangar.Server.Features.Audit;
using Hangar.Server.Features.Events;
using Hangar.Server.Hosting.Authentication;
using Hangar.Server.Hosting.Problems;
using Hangar.Server.Hosting.References;
using Hangar.Server.Hosting.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Releases;

internal static class CreateReleaseEndpoint
{
    public static async Task<Results<Created<ReleaseResponse>, ProblemHttpResult>> CreateAsync(
        CreateReleaseRequest request, HttpContext http, HangarDbContext db, AuditScope audit, EventRecorder events, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var caller = http.RequireCaller();
        var now = time.GetUtcNow().UtcDateTime;
        var validator = new RequestValidator();
        var fields = ReleaseFieldRules.Merge(ReleaseFields.Defaults, Changes(request), validator);

        var cohortId = (await db.Cohorts.AsNoTracking().FindByReferenceAsync(db, ReferenceRules.Cohort, request.Cohort, caller.OrganizationId, cancellationToken))?.Id;
        if (cohortId is null)
        {
            validator.Add("cohort", "must name a cohort of this organization (id, resource name or name).");
        }

        var bundle = await ReleaseReferences.BundleAsync(db, request.Bundle, caller.OrganizationId, cancellationToken);
        if (bundle is null)
        {
            validator.Add("bundle", "must name a bundle of this organization (id, resource name or name).");
        }

        var previous = await NeighbourAsync(db, "previous_release", request.PreviousRelease, caller.OrganizationId, cohortId, validator, cancellationToken);
        var next = await NeighbourAsync(db, "next_release", request.NextRelease, caller.OrganizationId, cohortId, validator, cancellationToken);
        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        if (!await ReleaseReferences.IsDeliverableAsync(db, bundle!.Id, cancellationToken))
        {
            return ReleaseReferences.NotDeliverable(bundle.Id);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var graph = await CohortReleases.LockAsync(db, cohortId!.Value, now, cancellationToken);
        if (graph.Releases.Any(r => r.Name == fields.Name))
        {
            return NameTaken(fields.Name);
        }

        var release = new Release
        {
            Id = Guid.CreateVersion7(now),
            OrganizationId = caller.OrganizationId,
            CohortId = cohortId.Value,
            BundleId = bundle.Id,
            Name = fields.Name,
            PhaseMode = fields.PhaseMode,
            CreatedAt = now,
            UpdatedAt = now,
        };
        fields.ApplyTo(release);
        if ((graph.Insert(release, previous, next, now) ?? graph.Refusal(now)) is { } refusal)
        {
            return refusal;
        }

        db.Releases.Add(release);
        audit.Resource(ResourceTypes.Release, release.Id);
        events.Record(EventTypes.ReleaseCreated, ResourceTypes.Release, release.Id, ReleaseEventData.Of(release));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/releases/{release.Id}", release.ToResponse(now));
    }

    public static ProblemHttpResult NameTaken(string name) =>
        Problems.Conflict(ErrorCodes.AlreadyExists, $"The cohort already has a release named '{name}'.");

    /// <summary>
    /// A release named as a neighbour of the new one (a name within the new one's cohort); whether one given by id is
    /// in the same cohort is the graph edit's question.
    /// </summary>
    private static async Task<Guid?> NeighbourAsync(
        HangarDbContext db, string field, string? reference, Guid organizationId, Guid? cohortId, RequestValidator validator, CancellationToken cancellationToken)
    {
        if (reference is null)
        {
            return null;
        }

        var release = await ReleaseReferences.ReleaseAsync(db, reference, organizationId, cancellationToken, cohortId);
        if (release is null)
        {
            validator.Add(field, "must name a release of this organization (id, resource name or name).");
        }

        return release?.Id;
    }

    private static ReleaseChanges Changes(CreateReleaseRequest request) => new(
        Name: request.Name,
        Description: request.Description,
        Required: request.Required,
        Disabled: request.Disabled,
        ScheduleDate: request.ScheduleDate,
        PhaseMode: request.PhaseMode,
        PhaseValue: request.PhaseValue,
        PhaseTags: request.PhaseTags,
        Version: request.Version,
        VersionRequirement: request.VersionRequirement,
        VersionRequirementHyphenated: request.VersionRequirementHyphenated,
        HaltFailureRate: request.HaltFailureRate,
        HaltMinimumDevices: request.HaltMinimumDevices);
}
