using System.Diagnostics.CodeAnalysis;
using Hangar.Core.Releases;
using Hangar.Data;
using Hangar.Server.Features.Events;
using Hangar.Server.Features.Releases;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Updates;

/// <summary>
/// The failure policy at work: after every status report on a release, the release's outcomes are counted (terminal
/// failures only, see <see cref="ReleaseUpdateCounts"/>) and, when the policy's threshold is crossed, the release is
/// halted. Every report checks, not only failures, because a retryable failure becomes terminal by time alone once
/// its retry window passes.
/// </summary>
internal static class AutomaticHalt
{
    /// <summary>
    /// Runs once the report committed, in a transaction of its own: a halt aborts other devices' updates, so it must
    /// never wait for an update row a concurrent report holds while that report waits for the cohort's lock.
    /// </summary>
    public static async Task CheckAsync(HangarDbContext db, EventRecorder events, Guid releaseId, DateTime now, DateTime retryWindowStart, CancellationToken cancellationToken)
    {
        var policy = await db.Releases.AsNoTracking().Where(r => r.Id == releaseId)
            .Select(r => new { r.CohortId, r.HaltFailureRate, r.HaltMinimumDevices, r.HaltedAt }).SingleOrDefaultAsync(cancellationToken);
        if (policy is not { HaltFailureRate: not null, HaltMinimumDevices: not null, HaltedAt: null }
            || !ShouldHalt(await ReleaseUpdateCounts.CountAsync(db, releaseId, retryWindowStart, cancellationToken), out _))
        {
            return;
        }

        // Counting again under the cohort's lock orders concurrent reports: each counts every outcome committed before
        // it (its own included), so the last report to cross the threshold sees it crossed, and only one halts.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await ReleaseGraphLock.HoldAsync(db, policy.CohortId, cancellationToken);
        var release = await db.Releases.SingleOrDefaultAsync(r => r.Id == releaseId, cancellationToken);
        if (release is not { HaltedAt: null }
            || !ShouldHalt(await ReleaseUpdateCounts.CountAsync(db, releaseId, retryWindowStart, cancellationToken), out var reason))
        {
            return;
        }

        await ReleaseGraphLock.ChangeAsync(db, policy.CohortId, now, cancellationToken);
        await ReleaseHalting.HaltAsync(db, release, reason, automatic: true, now, events, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        bool ShouldHalt(ReleaseUpdateCounts counts, [NotNullWhen(true)] out string? why) =>
            ReleaseFailurePolicy.ShouldHalt(counts.Outcomes, policy.HaltFailureRate, policy.HaltMinimumDevices, out why);
    }
}
