using Hangar.Core.Events;
using Hangar.Core.Resources;
using Hangar.Data;
using Hangar.Data.Releases;
using Hangar.Server.Features.Events;

namespace Hangar.Server.Features.Releases;

/// <summary>
/// Halting a rollout, whether an operator asks or the failure policy trips: the release is disabled (devices stop
/// being offered it; those that already have it keep it), the reason is kept, <c>release.halted</c> is recorded, and
/// its updates not yet installing are aborted (<see cref="InFlightUpdates"/>). The caller holds the cohort's
/// <see cref="ReleaseGraphLock"/> and saves.
/// </summary>
internal static class ReleaseHalting
{
    public static async Task HaltAsync(
        HangarDbContext db, Release release, string reason, bool automatic, DateTime now, EventRecorder events, CancellationToken cancellationToken)
    {
        release.Disabled = true;
        release.HaltedAt = now;
        release.HaltReason = reason;
        release.UpdatedAt = now;
        events.Record(EventTypes.ReleaseHalted, ResourceTypes.Release, release.Id,
            new ReleaseHaltedEventData(release.Name, release.CohortId, reason, automatic), release.OrganizationId);
        await InFlightUpdates.AbortAsync(db, events, release.Id, $"the release was halted: {reason}", now, cancellationToken);
    }
}
