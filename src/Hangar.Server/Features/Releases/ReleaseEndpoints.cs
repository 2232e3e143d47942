using Hangar.Contracts.Common;
using Hangar.Contracts.Releases;
using Hangar.Core.Access;
using Hangar.Core.Events;
using Hangar.Core.Resources;
using Hangar.Data;
using Hangar.Data.Releases;
using Hangar.Server.Features.Audit;
using Hangar.Server.Features.Events;
using Hangar.Server.Features.Idempotency;
using Hangar.Server.Hosting.Authentication;
using Hangar.Server.Hosting.Authorization;
using Hangar.Server.Hosting.Lists;
using Hangar.Server.Hosting.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Releases;

internal static class ReleaseEndpoints
{
    private const string SearchDescription = "Search fields: name, description, cohort_id, bundle_id, next_release_id, latest, required, disabled, halted, " +
        "version, version_requirement (compared as text), schedule_date, rollback_of_release_id, created_at, updated_at.";

    private static readonly SearchFields<Release> Search = new SearchFields<Release>()
        .String("name", r => r.Name)
        .String("description", r => r.Description)
        .Uuid("cohort_id", r => r.CohortId)
        .Uuid("bundle_id", r => r.BundleId)
        .Uuid("next_release_id", r => r.NextReleaseId)
        .Boolean("latest", r => r.NextReleaseId == null)
        .Boolean("required", r => r.Required)
        .Boolean("disabled", r => r.Disabled)
        .Boolean("halted", r => r.HaltedAt != null)
        .String("version", r => r.Version)
        .String("version_requirement", r => r.VersionRequirement)
        .DateTime("schedule_date", r => r.ScheduleDate)
        .Uuid("rollback_of_release_id", r => r.RollbackOfReleaseId)
        .DateTime("created_at", r => r.CreatedAt)
        .DateTime("updated_at", r => r.UpdatedAt);

    public static void MapReleases(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/releases").WithTags("Releases");
        group.MapGet("", ListAsync).Requires(Permission.ReleaseRead).WithSummary("List releases").WithDescription(SearchDescription);
        group.MapGet("/{id}", GetAsync).Requires(Permission.ReleaseRead).WithSummary("Get a release");
        group.MapPost("", CreateReleaseEndpoint.CreateAsync).Requires(Permission.ReleaseManage).Audited("release.create").Idempotent()
            .WithSummary("Create a release")
            .WithDescription("Appends the release as the cohort's latest, or inserts it before next_release, after previous_release, or between both. " +
                "A graph rule the result would break is a 409 with the rule's code; a bundle with a destroyed binary or one no longer signed by a key that is not revoked is 422 bundle_not_deliverable; " +
                "a bundle without binaries for the hardware targets of the cohort's devices is 422 bundle_target_mismatch (see allow_missing_targets).");
        group.MapPatch("/{id}", UpdateReleaseEndpoint.UpdateAsync).Requires(Permission.ReleaseManage).Audited("release.update")
            .WithSummary("Change a release").WithDescription("Fields left out stay as they are; the graph rules hold afterwards or nothing changes (409).");
        group.MapDelete("/{id}", DeleteAsync).Requires(Permission.ReleaseManage).Audited("release.delete")
            .WithSummary("Delete a release")
            .WithDescription("Releases that pointed to it point to its next release instead; its phase claims and device updates go with it.");
        group.MapPost("/{id}/halt", ReleaseHaltEndpoints.HaltAsync).Requires(Permission.ReleaseManage).Audited("release.halt")
            .WithSummary("Halt a rollout").WithDescription("Disables the release and keeps the reason; devices stop being offered it. Halting a halted release changes nothing.");
        group.MapPost("/{id}/resume", ReleaseHaltEndpoints.ResumeAsync).Requires(Permission.ReleaseManage).Audited("release.resume")
            .WithSummary("Resume a rollout").WithDescription("Clears the halt and enables the release again.");
        group.MapPost("/{id}/rollback", RollbackReleaseEndpoint.RollbackAsync).Requires(Permission.ReleaseManage).Audited("release.rollback").Idempotent()
            .WithSummary("Roll back the latest release")
            .WithDescription("Halts the release and appends a new required latest release shipping the bundle of to_release (default: the release pointing to it). " +
                "Answers the new release. Only the latest release can be rolled back (409 release_not_latest).");
        group.MapGet("/{id}/stats", ReleaseStatsEndpoint.GetAsync).Requires(Permission.ReleaseRead)
            .WithSummary("Rollout statistics of a release").WithDescription("Devices per update state, phase claims and capacity, and the failure rate as the failure policy computes it.");
    }

    private static Task<Results<Ok<ListResponse<ReleaseResponse>>, ProblemHttpResult>> ListAsync(
        [AsParameters] ListRequest request, HangarDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return db.Releases.AsNoTracking().ListAsync(request, Search, r => r.Id, r => r.ToResponse(now), cancellationToken);
    }

    private static async Task<Results<Ok<ReleaseResponse>, ProblemHttpResult>> GetAsync(
        string id, HttpContext http, HangarDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var release = await ReleaseReferences.ReleaseAsync(db, id, http.RequireCaller().OrganizationId, cancellationToken);
        return release is null ? Problems.NotFound("Release") : TypedResults.Ok(release.ToResponse(time.GetUtcNow().UtcDateTime));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
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

        graph.Remove(release, now);
        if (graph.Refusal(now) is { } refusal)
        {
            return refusal;
        }

        db.Releases.Remove(release);
        events.Record(EventTypes.ReleaseDeleted, ResourceTypes.Release, release.Id, ReleaseEventData.Of(release));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
