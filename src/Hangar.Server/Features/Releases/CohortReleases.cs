using Hangar.Contracts.Common;
using Hangar.Core.Releases;
using Hangar.Data;
using Hangar.Data.Releases;
using Hangar.Server.Hosting.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Releases;

/// <summary>
/// The releases of one cohort, loaded for a change under the cohort's <see cref="ReleaseGraphLock"/> (inside the
/// caller's transaction), so the graph cannot change between reading it and saving the edit: two appends at once end
/// with one latest release, the second after the first. A handler edits the tracked releases, then asks
/// <see cref="Refusal"/> whether the graph they form is allowed before saving.
/// </summary>
internal sealed class CohortReleases
{
    // The order in which a broken rule is reported as the problem's code (see Refusal).
    private static readonly string[] Priority =
    [
        ReleaseGraphRules.Cycle, ReleaseGraphRules.DanglingNext, ReleaseGraphRules.SeveralLatest,
        ReleaseGraphRules.SeveralPhased, ReleaseGraphRules.ConstrainedBeforeLatest, ReleaseGraphRules.InvalidPhase,
    ];

    private readonly List<Release> _releases;

    private CohortReleases(Guid cohortId, List<Release> releases)
    {
        CohortId = cohortId;
        _releases = releases;
    }

    public Guid CohortId { get; }

    public IReadOnlyList<Release> Releases => _releases;

    public static async Task<CohortReleases> LockAsync(HangarDbContext db, Guid cohortId, DateTime now, CancellationToken cancellationToken)
    {
        // The lock first: a read before it could miss a release another request is committing.
        await ReleaseGraphLock.ChangeAsync(db, cohortId, new DateTimeOffset(now, TimeSpan.Zero), cancellationToken);
        var releases = await db.Releases.Where(r => r.CohortId == cohortId).ToListAsync(cancellationToken);
        return new CohortReleases(cohortId, releases);
    }

    public Release? Find(Guid id) => _releases.Find(r => r.Id == id);

    /// <summary>The graph as the rules see it (deliverability does not matter to them).</summary>
    public IReadOnlyList<ReleaseNode> Nodes() => [.. _releases.Select(r => r.ToNode(bundleDeliverable: true))];

    /// <summary>Inserts <paramref name="added"/> (already added to the context) with <see cref="ReleaseGraphEdit.Insert"/>.</summary>
    public ProblemHttpResult? Insert(Release added, Guid? previousId, Guid? nextId, DateTime now)
    {
        var edit = ReleaseGraphEdit.Insert(Nodes(), added.ToNode(true), previousId, nextId);
        if (edit.Error is { } error)
        {
            return Problems.Conflict(error.Code, error.Message + ".");
        }

        _releases.Add(added);
        Apply(edit, now);
        return null;
    }

    /// <summary>Takes <paramref name="removed"/> out of the graph: whatever pointed to it points to its next release.</summary>
    public void Remove(Release removed, DateTime now)
    {
        var edit = ReleaseGraphEdit.Remove(Nodes(), removed.Id);
        _releases.Remove(removed);
        Apply(edit, now);
    }

    /// <summary>
    /// The most telling broken graph rule as a 409 (every broken rule in the detail), or null when the graph is valid.
    /// A second phased release also puts a phased release before the latest; "several phased" says more, so it wins.
    /// </summary>
    public ProblemHttpResult? Refusal(DateTime now)
    {
        var violations = ReleaseGraphRules.Check(Nodes(), now);
        if (violations.Count == 0)
        {
            return null;
        }

        var primary = violations.OrderBy(v => Array.IndexOf(Priority, v.Code) is var rank and >= 0 ? rank : Priority.Length).First();
        var detail = string.Join("; ", violations.Select(v => v.Message)) + ". Nothing was changed.";
        return primary.Code == ReleaseGraphRules.InvalidPhase
            ? Problems.Create(StatusCodes.Status422UnprocessableEntity, ErrorCodes.ReleaseInvalidPhase, "Invalid phase", detail)
            : Problems.Conflict(primary.Code, detail);
    }


    private void Apply(ReleaseGraphEdit edit, DateTime now)
    {
        foreach (var changed in edit.Changed)
        {
            if (Find(changed.Id) is { } release && release.NextReleaseId != changed.NextId)
            {
                release.NextReleaseId = changed.NextId;
                release.UpdatedAt = now;
            }
        }
    }
}
