namespace Hangar.Core.Releases;

/// <summary>
/// The releases of one cohort: each has at most one next release, and all paths converge on one sink (the latest).
/// Immutable, so one instance can be cached and shared by every update check of the cohort.
/// </summary>
public sealed class CohortReleaseGraph
{
    public CohortReleaseGraph(Guid cohortId, IEnumerable<ReleaseNode> releases)
    {
        CohortId = cohortId;
        Releases = releases.ToDictionary(r => r.Id);
        ByBundle = Releases.Values.GroupBy(r => r.BundleId).ToDictionary(g => g.Key, g => (IReadOnlyList<ReleaseNode>)[.. g]);
    }

    public Guid CohortId { get; }

    public IReadOnlyDictionary<Guid, ReleaseNode> Releases { get; }

    public IReadOnlyDictionary<Guid, IReadOnlyList<ReleaseNode>> ByBundle { get; }

    public ReleaseNode? Next(ReleaseNode release) =>
        release.NextId is { } next && Releases.TryGetValue(next, out var node) ? node : null;
}
