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
using Hangar.Server.Hosting.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hangar.Server.Features.Releases;

/// <summary>
/// Rolling back the cohort's latest release. The rolled-back release is halted, made optional and unconstrained (phase
/// everyone, no future schedule) so the graph rules allow a new latest; a new required release shipping the target
/// release's bundle is appended after it. Devices that took the rolled-back release walk to that new release and
/// install the old bundle again; devices that never took it already run that bundle, so the resolver places them on the
/// new release and they walk on to whatever follows it. Updates of the rolled-back release not yet installing are
/// aborted. Why only the latest: docs/concepts/releases.md.
/// </summary>
internal static class RollbackReleaseEndpoint
{
    private const string Suffix = "-rollback";

    public static async Task<Results<Created<ReleaseResponse>, ProblemHttpResult>> RollbackAsync(
        string id, RollbackReleaseRequest request, HttpContext http, HangarDbContext db, AuditScope audit, EventRecorder events, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var caller = http.RequireCaller();
        var found = await ReleaseReferences.ReleaseAsync(db, id, caller.OrganizationId, cancellationToken);
        if (found is null)
        {
            return Problems.NotFound("Release");
        }

        var validator = new RequestValidator().Text("reason", request.Reason, max: ReleaseHaltEndpoints.MaxReasonLength);
        Release? named = null;
        if (request.ToRelease is not null)
        {
            named = await ReleaseReferences.ReleaseAsync(db, request.ToRelease, caller.OrganizationId, cancellationToken, found.CohortId);
            if (named is null)
            {
                validator.Add("to_release", "must name a release of this organization (id, resource name or name).");
            }
            else if (named.Id == found.Id)
            {
                validator.Add("to_release", "must be another release than the one rolled back.");
            }
        }

        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        audit.Resource(ResourceTypes.Release, found.Id);
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var graph = await CohortReleases.LockAsync(db, found.CohortId, now, cancellationToken);
        if (graph.Find(found.Id) is not { } rolledBack)
        {
            return Problems.NotFound("Release");
        }

        if (rolledBack.NextReleaseId is not null)
        {
            return Problems.Conflict(ErrorCodes.ReleaseNotLatest,
                "Only the cohort's latest release can be rolled back: the rollback is appended as the new latest release, which every device " +
                "of the cohort would reach, including devices that never took this release. Halt this release instead, or delete the releases after it first.");
        }

        var target = named is null ? DefaultTarget(graph, rolledBack) : graph.Find(named.Id);
        if (target is null)
        {
            return named is null
                ? Problems.Conflict(ErrorCodes.NoRollbackTarget, "No release points to this one, so there is no previous bundle to go back to; name one with to_release.")
                : Problems.Conflict(ErrorCodes.ReleaseNotInCohort, $"Release {named.Id} is not a release of this cohort.");
        }

        if (!await ReleaseReferences.IsDeliverableAsync(db, target.BundleId, cancellationToken))
        {
            return ReleaseReferences.NotDeliverable(target.BundleId);
        }

        var reason = request.Reason.Trim();
        // Before the halt, so the devices it stops are told it was rolled back (a halt before this one stopped the rest).
        await InFlightUpdates.AbortAsync(db, events, rolledBack.Id, $"the release was rolled back: {reason}", now, cancellationToken);
        if (rolledBack.HaltedAt is null)
        {
            await ReleaseHalting.HaltAsync(db, rolledBack, reason, automatic: false, now, events, cancellationToken);
        }

        rolledBack.Disabled = true;
        rolledBack.Required = false;
        rolledBack.PhaseMode = PhaseModes.Numeric;
        rolledBack.PhaseValue = 1m;
        rolledBack.PhaseTags = [];
        if (rolledBack.ScheduleDate > now)
        {
            rolledBack.ScheduleDate = null;
        }

        rolledBack.UpdatedAt = now;

        var rollback = new Release
        {
            Id = Guid.CreateVersion7(now),
            OrganizationId = caller.OrganizationId,
            CohortId = rolledBack.CohortId,
            BundleId = target.BundleId,
            Name = UniqueName(graph, rolledBack.Name),
            Description = Truncate($"Rollback of {rolledBack.Name} to the bundle of {target.Name}: {reason}", 256),
            Required = true,
            PhaseMode = PhaseModes.Numeric,
            RollbackOfReleaseId = rolledBack.Id,
            CreatedAt = now,
            UpdatedAt = now,
        };
        if ((graph.Insert(rollback, previousId: null, nextId: null, now) ?? graph.Refusal(now)) is { } refusal)
        {
            return refusal;
        }

        db.Releases.Add(rollback);
        events.Record(EventTypes.ReleaseRolledBack, ResourceTypes.Release, rolledBack.Id,
            new ReleaseRolledBackEventData(rolledBack.Name, rolledBack.CohortId, rollback.Id, target.Id, target.BundleId, reason));
        events.Record(EventTypes.ReleaseCreated, ResourceTypes.Release, rollback.Id, ReleaseEventData.Of(rollback));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/releases/{rollback.Id}", rollback.ToResponse(now));
    }

    /// <summary>The release devices came from: the one pointing to the rolled-back release (the newest if several do).</summary>
    private static Release? DefaultTarget(CohortReleases graph, Release rolledBack) =>
        graph.Releases.Where(r => r.NextReleaseId == rolledBack.Id).OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).FirstOrDefault();

    /// <summary>"&lt;name&gt;-rollback", then "-rollback-2", "-rollback-3"… until no release of the cohort has it.</summary>
    private static string UniqueName(CohortReleases graph, string name)
    {
        var taken = graph.Releases.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        for (var n = 1; ; n++)
        {
            var suffix = n == 1 ? Suffix : $"{Suffix}-{n}";
            var candidate = Truncate(name, ReleaseFieldRules.MaxNameLength - suffix.Length) + suffix;
            if (!taken.Contains(candidate))
            {
                return candidate;
            }
        }
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
