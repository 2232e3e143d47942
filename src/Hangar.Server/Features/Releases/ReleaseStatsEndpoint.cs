using Hangar.Contracts.Releases;
using Hangar.Core.Releases;
using Hangar.Data;
using Hangar.Server.Hosting.Authentication;
using Hangar.Server.Hosting.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Releases;

/// <summary>A release's rollout in numbers, counted from its device updates with one grouped query.</summary>
internal static class ReleaseStatsEndpoint
{
    public static async Task<Results<Ok<ReleaseStatsResponse>, ProblemHttpResult>> GetAsync(
        string id, HttpContext http, HangarDbContext db, CancellationToken cancellationToken)
    {
        var release = await ReleaseReferences.ReleaseAsync(db, id, http.RequireCaller().OrganizationId, cancellationToken);
        if (release is null)
        {
            return Problems.NotFound("Release");
        }

        var counted = await db.DeviceUpdates.Where(u => u.ReleaseId == release.Id)
            .GroupBy(u => u.State).Select(g => new { State = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.State, g => g.Count, cancellationToken);
        var cohortDevices = await db.Devices.CountAsync(d => d.CohortId == release.CohortId, cancellationToken);
        var states = Enum.GetValues<UpdateState>().ToDictionary(s => s.ToWire(), s => counted.GetValueOrDefault(s));
        var outcomes = new UpdateOutcomes(
            counted.GetValueOrDefault(UpdateState.Committed), counted.GetValueOrDefault(UpdateState.Failed), counted.GetValueOrDefault(UpdateState.RolledBack));
        var phase = release.Phase();
        return TypedResults.Ok(new ReleaseStatsResponse(
            release.Id,
            counted.Values.Sum(),
            states,
            release.PhaseClaimCount,
            phase.Mode == PhaseMode.Numeric ? phase.Capacity(cohortDevices) : null,
            cohortDevices,
            outcomes.Finished,
            ReleaseFailurePolicy.FailureRate(outcomes),
            release.HaltedAt is not null));
    }
}
