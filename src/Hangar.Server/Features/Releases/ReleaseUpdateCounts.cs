using Hangar.Core.Releases;
using Hangar.Data;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Releases;

/// <summary>
/// How many devices offered a release are in each update state: what statistics show and the failure policy judges.
/// <see cref="Retrying"/> are the failed ones that said they will try again and failed after the retry window's start:
/// their failure is not terminal yet (a new attempt may still start), so the outcomes leave them out.
/// </summary>
internal sealed record ReleaseUpdateCounts(IReadOnlyDictionary<UpdateState, int> ByState, int Retrying)
{
    public static async Task<ReleaseUpdateCounts> CountAsync(HangarDbContext db, Guid releaseId, DateTime retryWindowStart, CancellationToken cancellationToken)
    {
        var byState = await db.DeviceUpdates.Where(u => u.ReleaseId == releaseId)
            .GroupBy(u => u.State).Select(g => new { State = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.State, g => g.Count, cancellationToken);
        var retrying = byState.GetValueOrDefault(UpdateState.Failed) == 0
            ? 0
            : await db.DeviceUpdates.CountAsync(
                u => u.ReleaseId == releaseId && u.State == UpdateState.Failed && u.Retryable && u.FinishedAt > retryWindowStart, cancellationToken);
        return new(byState, retrying);
    }

    public int Of(UpdateState state) => ByState.GetValueOrDefault(state);

    /// <summary>Committed, terminally failed (failed and not retrying) and rolled back devices.</summary>
    public UpdateOutcomes Outcomes => new(Of(UpdateState.Committed), Of(UpdateState.Failed) - Retrying, Of(UpdateState.RolledBack));
}
