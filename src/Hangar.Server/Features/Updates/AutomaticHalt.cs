using Hangar.Core.Releases;
using Hangar.Data;
using Hangar.Server.Features.Events;
using Hangar.Server.Features.Releases;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Updates;

/// <summary>
/// The failure policy at work: after a device reports a failure or a rollback on a release, the release's outcomes
/// are counted and, when the policy's threshold is crossed, the release is halted in the same transaction.
/// </summary>
internal static class AutomaticHalt
{
    public static async Task CheckAsync(HangarDbContext db, EventRecorder events, Guid releaseId, DateTime now, CancellationToken cancellationToken)
    {
        var policy = await db.Releases.AsNoTracking().Where(r => r.Id == releaseId)
            .Select(r => new { r.CohortId, r.HaltFailureRate, r.HaltMinimumDevices, r.HaltedAt }).SingleAsync(cancellationToken);
        if (policy is not { HaltFailureRate: not null, HaltMinimumDevices: not null, HaltedAt: null })
        {
            return;
        }

        // Holding the cohort's lock before counting orders concurrent failure reports: each counts every outcome
        // committed before it, so the report that crosses the threshold sees it crossed, and only that one halts.
        await ReleaseGraphLock.HoldAsync(db, policy.CohortId, cancellationToken);
        var outcomes = (await ReleaseUpdateCounts.CountAsync(db, releaseId, cancellationToken)).Outcomes;
        if (!ReleaseFailurePolicy.ShouldHalt(outcomes, policy.HaltFailureRate, policy.HaltMinimumDevices, out var reason))
        {
            return;
        }

        await ReleaseGraphLock.ChangeAsync(db, policy.CohortId, now, cancellationToken);
        var release = await db.Releases.SingleAsync(r => r.Id == releaseId, cancellationToken);
        if (release.HaltedAt is not null)
        {
            return;
        }

        ReleaseHalting.Halt(release, reason, automatic: true, now, events);
    }
}
