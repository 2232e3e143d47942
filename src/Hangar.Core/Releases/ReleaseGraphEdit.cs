namespace Hangar.Core.Releases;

/// <summary>The releases a graph change touches (with their new next edges), or why the change is impossible.</summary>
public sealed record ReleaseGraphEdit(IReadOnlyList<ReleaseNode> Changed, GraphViolation? Error)
{
    public const string NotInCohort = "release_not_in_cohort";
    public const string NotAdjacent = "releases_not_adjacent";

    public static ReleaseGraphEdit Fail(string code, string message) => new([], new GraphViolation(code, message));

    /// <summary>
    /// Inserts <paramref name="added"/> into <paramref name="current"/>. With no neighbour it becomes the new latest
    /// (the old latest points to it). With only <paramref name="nextId"/> it goes right before that release (whatever
    /// pointed there points to it); with only <paramref name="previousId"/> right after that release; with both, between
    /// them, which must be adjacent.
    /// </summary>
    public static ReleaseGraphEdit Insert(IReadOnlyCollection<ReleaseNode> current, ReleaseNode added, Guid? previousId, Guid? nextId)
    {
        var byId = current.ToDictionary(r => r.Id);
        if (previousId is { } p && !byId.ContainsKey(p))
        {
            return Fail(NotInCohort, $"previous release {p} is not a release of this cohort");
        }

        if (nextId is { } n && !byId.ContainsKey(n))
        {
            return Fail(NotInCohort, $"next release {n} is not a release of this cohort");
        }

        switch (previousId, nextId)
        {
            case (null, null):
                var sink = current.FirstOrDefault(r => r.NextId is null);
                return new([added with { NextId = null }, .. sink is null ? Array.Empty<ReleaseNode>() : [sink with { NextId = added.Id }]], null);
            case (null, { } next):
                return new([added with { NextId = next }, .. current.Where(r => r.NextId == next).Select(r => r with { NextId = added.Id })], null);
            case ({ } previous, null):
                return new([added with { NextId = byId[previous].NextId }, byId[previous] with { NextId = added.Id }], null);
            case ({ } previous, { } next) when byId[previous].NextId == next:
                return new([added with { NextId = next }, byId[previous] with { NextId = added.Id }], null);
            default:
                return Fail(NotAdjacent, $"release {previousId} does not point to release {nextId}; to insert between two releases they must be adjacent");
        }
    }

    /// <summary>Removes a release: whatever pointed to it points to its next release instead.</summary>
    public static ReleaseGraphEdit Remove(IReadOnlyCollection<ReleaseNode> current, Guid removedId)
    {
        var removed = current.FirstOrDefault(r => r.Id == removedId);
        return removed is null
            ? Fail(NotInCohort, $"release {removedId} is not a release of this cohort")
            : new([.. current.Where(r => r.NextId == removedId).Select(r => r with { NextId = removed.NextId })], null);
    }

    /// <summary>The cohort's releases after this edit (<paramref name="removedId"/> left out when removing).</summary>
    public IReadOnlyList<ReleaseNode> ApplyTo(IReadOnlyCollection<ReleaseNode> current, Guid? removedId = null)
    {
        var byId = current.Where(r => r.Id != removedId).ToDictionary(r => r.Id);
        foreach (var release in Changed)
        {
            byId[release.Id] = release;
        }

        return [.. byId.Values];
    }
}
