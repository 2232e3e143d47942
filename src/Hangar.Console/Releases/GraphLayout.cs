using Hangar.Contracts.Releases;

namespace Hangar.Console.Releases;

/// <summary>
/// Places a cohort's releases for drawing: each release's column is how far it is from the release its chain ends in
/// (the latest, drawn rightmost), so every edge to a next release points right; releases in one column stack in the
/// order they were created.
/// </summary>
internal sealed class GraphLayout
{
    public const int NodeWidth = 190;
    public const int NodeHeight = 58;
    private const int ColumnGap = 56;
    private const int RowGap = 18;
    private const int Margin = 8;

    private GraphLayout(IReadOnlyDictionary<Guid, (int X, int Y)> positions, int width, int height)
    {
        Positions = positions;
        Width = width;
        Height = height;
    }

    public IReadOnlyDictionary<Guid, (int X, int Y)> Positions { get; }

    public int Width { get; }

    public int Height { get; }

    public static GraphLayout Of(IReadOnlyList<ReleaseResponse> releases)
    {
        var byId = releases.ToDictionary(r => r.Id);
        var depth = releases.ToDictionary(r => r.Id, r => DistanceToEnd(r, byId));
        var deepest = depth.Count == 0 ? 0 : depth.Values.Max();
        var positions = new Dictionary<Guid, (int X, int Y)>();
        var rows = 0;
        foreach (var column in releases.OrderBy(r => r.CreatedAt).GroupBy(r => deepest - depth[r.Id]))
        {
            var row = 0;
            foreach (var release in column)
            {
                positions[release.Id] = (Margin + (column.Key * (NodeWidth + ColumnGap)), Margin + (row * (NodeHeight + RowGap)));
                row++;
            }

            rows = Math.Max(rows, row);
        }

        return new GraphLayout(positions, (2 * Margin) + ((deepest + 1) * (NodeWidth + ColumnGap)) - ColumnGap, (2 * Margin) + (rows * (NodeHeight + RowGap)) - RowGap);
    }

    /// <summary>Edges to next releases; the walk stops at a release outside the list or after as many steps as there are releases.</summary>
    private static int DistanceToEnd(ReleaseResponse release, Dictionary<Guid, ReleaseResponse> byId)
    {
        var steps = 0;
        while (release.NextReleaseId is { } next && byId.TryGetValue(next, out var following) && steps < byId.Count)
        {
            release = following;
            steps++;
        }

        return steps;
    }
}
