using Hangar.Core.Releases;

namespace Hangar.Server.Features.Updates;

/// <summary>
/// A cohort's release graph as loaded at <see cref="Stamp"/>, with what an answer needs beyond the resolver's view
/// (names, versions as written). Phase claim counts start from the database and only grow, so the cache raises them
/// as claims succeed or are refused; a stale count is always too low, never too high, and the database arbitrates.
/// </summary>
internal sealed class CachedReleaseGraph(Guid stamp, CohortReleaseGraph graph, IReadOnlyDictionary<Guid, ReleaseFacts> facts, IReadOnlyDictionary<Guid, int> claimCounts)
{
    private readonly Dictionary<Guid, int> _claimCounts = new(claimCounts);
    private readonly Lock _claimsLock = new();

    public Guid Stamp { get; } = stamp;

    public CohortReleaseGraph Graph { get; } = graph;

    public IReadOnlyDictionary<Guid, ReleaseFacts> Facts { get; } = facts;

    /// <summary>The phased release a device without a claim might take, when its capacity depends on the cohort's size.</summary>
    public ReleaseNode? FractionalPhase { get; } = graph.Releases.Values.FirstOrDefault(r => r.Phase is { Mode: PhaseMode.Numeric, IsPhased: true, Value: <= 1m });

    public bool HasNumericPhase { get; } = graph.Releases.Values.Any(r => r.Phase is { Mode: PhaseMode.Numeric, IsPhased: true });

    public IReadOnlyDictionary<Guid, int> ClaimCounts()
    {
        lock (_claimsLock)
        {
            return new Dictionary<Guid, int>(_claimCounts);
        }
    }

    /// <summary>Raises the known count for a release (after a claim, or to its capacity when a claim was refused as full).</summary>
    public void RaiseClaimCount(Guid releaseId, int atLeast)
    {
        lock (_claimsLock)
        {
            _claimCounts[releaseId] = Math.Max(_claimCounts.GetValueOrDefault(releaseId), atLeast);
        }
    }
}
