namespace Hangar.Core.Releases;

/// <summary>
/// The invariants of a cohort's release graph, checked after every create, update and delete: next edges stay in the
/// cohort and never form a cycle; at most one latest release (sink); only the latest may be scheduled in the future
/// or phased (so a new latest cannot be appended while the current one is constrained); at most one phased release;
/// phases are well-formed.
/// </summary>
public static class ReleaseGraphRules
{
    public const string Cycle = "release_graph_cycle";
    public const string DanglingNext = "release_graph_dangling_next";
    public const string SeveralLatest = "release_graph_several_latest";
    public const string ConstrainedBeforeLatest = "release_graph_constrained_before_latest";
    public const string SeveralPhased = "release_graph_several_phased";
    public const string InvalidPhase = "release_invalid_phase";

    public static IReadOnlyList<GraphViolation> Check(IReadOnlyCollection<ReleaseNode> releases, DateTime now)
    {
        var violations = new List<GraphViolation>();
        var byId = releases.ToDictionary(r => r.Id);
        foreach (var release in releases.Where(r => r.NextId is { } next && !byId.ContainsKey(next)))
        {
            violations.Add(new(DanglingNext, $"release {release.Id} points to {release.NextId}, which is not a release of this cohort"));
        }

        if (FindCycle(byId) is { } onCycle)
        {
            violations.Add(new(Cycle, $"next edges form a cycle through release {onCycle}"));
        }

        var sinks = releases.Where(r => r.NextId is null).ToList();
        if (sinks.Count > 1)
        {
            violations.Add(new(SeveralLatest, $"a cohort has one latest release, but {sinks.Count} releases have no next release"));
        }

        foreach (var release in releases.Where(r => r.NextId is not null && IsConstrained(r, now)))
        {
            violations.Add(new(ConstrainedBeforeLatest,
                $"release {release.Id} is scheduled in the future or phased, which only the latest release may be; finish its rollout (phase 1, schedule passed) before adding a newer release"));
        }

        if (releases.Count(r => r.Phase.IsPhased) > 1)
        {
            violations.Add(new(SeveralPhased, "only one release of a cohort may be phased at a time"));
        }

        foreach (var release in releases.Where(r => !r.Phase.IsValid))
        {
            violations.Add(new(InvalidPhase, $"release {release.Id}: a numeric phase is a fraction in [0, 1] or a whole number of devices ≥ 2; a tag phase needs at least one tag"));
        }

        return violations;
    }

    public static bool IsConstrained(ReleaseNode release, DateTime now) => release.ScheduleDate > now || release.Phase.IsPhased;

    private static Guid? FindCycle(IReadOnlyDictionary<Guid, ReleaseNode> byId)
    {
        var finished = new HashSet<Guid>();
        foreach (var start in byId.Keys)
        {
            var onPath = new HashSet<Guid>();
            Guid? current = start;
            while (current is { } id && byId.TryGetValue(id, out var node) && !finished.Contains(id))
            {
                if (!onPath.Add(id))
                {
                    return id;
                }

                current = node.NextId;
            }

            finished.UnionWith(onPath);
        }

        return null;
    }
}
