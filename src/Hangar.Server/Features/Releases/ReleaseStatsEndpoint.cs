using Hangar.Contracts.Releases;
using Hangar.Core.Releases;
using Hangar.Data;
using Hangar.Server.Hosting.Authentication;
using Hangar.Server.Hosting.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Releases;

/// <summary>A release's rollout in numbers, counted from its device updates (one grouped query, and one more when some failed).</summary>
internal static class ReleaseStatsEndpoint
{
    public static async Task<Results<Ok<ReleaseStatsResponse>, ProblemHttpResult>> GetAsync(
        string id, HttpContext http, HangarDbContext db, TimeProvider time, IOptions<RetryWindowOptions> options, CancellationToken cancellationToken)
    {
        var release = await ReleaseReferences.ReleaseAsync(db, id, http.RequireCaller().OrganizationId, cancellationToken);
        if (release is null)
        {
            return Problems.NotFound("Release");
        }

        var counted = await ReleaseUpdateCounts.CountAsync(db, release.Id, options.Value.RetryWindowStart(time.GetUtcNow().UtcDateTime), cancellationToken);
        var cohortDevices = await db.Devices.CountAsync(d => d.CohortId == release.CohortId, cancellationToken);
        var states = Enum.GetValues<UpdateState>().ToDictionary(s => s.ToWire(), counted.Of);
        var outcomes = counted.Outcomes;
        var phase = release.Phase();
        return TypedResults.Ok(new ReleaseStatsResponse(
            release.Id,
            counted.ByState.Values.Sum(),
            states,
            counted.Retrying,
            release.PhaseClaimCount,
            phase.Mode == PhaseMode.Numeric ? phase.Capacity(cohortDevices) : null,
            cohortDevices,
            outcomes.Finished,
            ReleaseFailurePolicy.FailureRate(outcomes),
            release.HaltedAt is not null));
    }
}
