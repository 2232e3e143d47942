using Hangar.Core.Releases;
using Hangar.Data;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Releases;

/// <summary>How many devices offered a release are in each update state: what statistics show and the failure policy judges.</summary>
internal sealed record ReleaseUpdateCounts(IReadOnlyDictionary<UpdateState, int> ByState)
{
    public static async Task<ReleaseUpdateCounts> CountAsync(HangarDbContext db, Guid releaseId, CancellationToken cancellationToken) =>
        new(await db.DeviceUpdates.Where(u => u.ReleaseId == releaseId)
            .GroupBy(u => u.State).Select(g => new { State = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.State, g => g.Count, cancellationToken));

    public int Of(UpdateState state) => ByState.GetValueOrDefault(state);

    public UpdateOutcomes Outcomes => new(Of(UpdateState.Committed), Of(UpdateState.Failed), Of(UpdateState.RolledBack));
}
