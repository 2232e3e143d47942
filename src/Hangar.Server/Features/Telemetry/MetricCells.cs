using Hangar.Data;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Telemetry;

/// <summary>
/// Reads series over a window at the window's resolution and merges what falls in each step (steps aligned on
/// multiples of the step since the epoch): per series, step start → cell.
/// </summary>
internal static class MetricCells
{
    public static async Task<Dictionary<long, SortedDictionary<long, MetricCell>>> ReadAsync(
        HangarDbContext db, List<long> seriesIds, MetricWindow window, CancellationToken cancellationToken)
    {
        var result = new Dictionary<long, SortedDictionary<long, MetricCell>>();
        var stepMs = window.StepMs;
        var from = window.From - (window.From % stepMs);
        if (window.Resolution == 0)
        {
            var points = await db.TelemetryPoints.AsNoTracking()
                .Where(p => seriesIds.Contains(p.SeriesId) && p.Time >= from && p.Time < window.To)
                .Select(p => new { p.SeriesId, p.Time, p.Value, p.Id }).OrderBy(p => p.Id).ToListAsync(cancellationToken);
            foreach (var point in points)
            {
                Add(result, point.SeriesId, point.Time - (point.Time % stepMs), MetricCell.Point(point.Value, point.Time));
            }

            return result;
        }

        var rollups = await db.TelemetryRollups.AsNoTracking()
            .Where(r => seriesIds.Contains(r.SeriesId) && r.Resolution == window.Resolution && r.Bucket >= from && r.Bucket < window.To)
            .ToListAsync(cancellationToken);
        foreach (var r in rollups)
        {
            Add(result, r.SeriesId, r.Bucket - (r.Bucket % stepMs), new MetricCell(r.Min, r.Max, r.Sum, r.Count, r.Last, r.LastTime));
        }

        return result;
    }

    private static void Add(Dictionary<long, SortedDictionary<long, MetricCell>> result, long series, long step, MetricCell cell)
    {
        if (!result.TryGetValue(series, out var steps))
        {
            result[series] = steps = [];
        }

        steps[step] = steps.TryGetValue(step, out var existing) ? existing.Merge(cell) : cell;
    }
}
