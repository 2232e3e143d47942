using Hangar.Contracts.Telemetry;
using Hangar.Core.Access;
using Hangar.Data;
using Hangar.Server.Hosting.Authorization;
using Hangar.Server.Hosting.Problems;
using Hangar.Server.Hosting.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Telemetry;

/// <summary><c>GET /metrics</c> of the Admin API: one metric aggregated over the fleet in a window, grouped by product, cohort, release or tag.</summary>
internal static class FleetMetricsEndpoints
{
    public static readonly string[] Groupings = ["product", "cohort", "release", "tag"];

    public static void MapFleetMetrics(this RouteGroupBuilder api)
    {
        api.MapGet("/metrics", AggregateAsync).WithTags("Devices").Requires(Permission.DeviceRead)
            .WithSummary("Aggregate a metric over the fleet")
            .WithDescription("One value per group (`group_by`: product, cohort, release — the release the device reports — or tag) of the metric `name` "
                + "over every device's series from `from` to `to` (ISO 8601; default the last hour), by `agg` (avg, min, max, sum, count), with the "
                + "number of devices that reported it. Reads the 1-hour rollups for windows over two days, the 1-minute rollups otherwise.");
    }

    private static async Task<Results<Ok<FleetMetricsResponse>, ProblemHttpResult>> AggregateAsync(
        string? name, string? group_by, string? from, string? to, string? agg, HangarDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var validator = new RequestValidator();
        if (string.IsNullOrEmpty(name))
        {
            validator.Add("name", "is required: the metric name (e.g. heartbeat.load1).");
        }

        var groupBy = group_by ?? "product";
        if (!Groupings.Contains(groupBy))
        {
            validator.Add("group_by", $"must be one of {string.Join(", ", Groupings)}.");
        }

        var window = MetricWindow.TryRead(from, to, "60", agg, time.GetUtcNow(), validator);
        if (window is null || !validator.IsValid || window.Aggregation == "last")
        {
            return window?.Aggregation == "last" ? Problems.Validation("agg", "must be one of avg, min, max, sum, count.") : validator.Problem();
        }

        var resolution = window.To - window.From > TimeSpan.FromDays(2).TotalMilliseconds ? 3600 : 60;
        var start = window.From - (window.From % (resolution * 1000L));
        // The tenant filter applies to series and devices: only the caller's organization is read.
        var cells = from r in db.TelemetryRollups
                    where r.Resolution == resolution && r.Bucket >= start && r.Bucket < window.To
                    join s in db.TelemetrySeries on r.SeriesId equals s.Id
                    where s.Name == name
                    join d in db.Devices on s.DeviceId equals d.Id
                    select new { Device = d, r.Min, r.Max, r.Sum, r.Count };
        var groups = groupBy switch
        {
            "tag" => await (from c in cells
                            join t in db.DeviceTags on c.Device.Id equals t.DeviceId
                            group c by t.Value into g
                            select new Group(g.Key, g.Select(c => c.Device.Id).Distinct().Count(), g.Min(c => c.Min), g.Max(c => c.Max), g.Sum(c => c.Sum), g.Sum(c => c.Count)))
                .ToListAsync(cancellationToken),
            _ => (await cells.GroupBy(c => groupBy == "product" ? (Guid?)c.Device.ProductId : groupBy == "cohort" ? c.Device.CohortId : c.Device.ReportedReleaseId)
                .Select(g => new { g.Key, Devices = g.Select(c => c.Device.Id).Distinct().Count(), Min = g.Min(c => c.Min), Max = g.Max(c => c.Max), Sum = g.Sum(c => c.Sum), Count = g.Sum(c => c.Count) })
                .ToListAsync(cancellationToken))
                .Select(g => new Group(g.Key?.ToString(), g.Devices, g.Min, g.Max, g.Sum, g.Count)).ToList(),
        };
        var answer = groups.OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new FleetMetricGroupResponse(g.Key, g.Devices, new MetricCell(g.Min, g.Max, g.Sum, g.Count, 0, 0).Value(window.Aggregation))).ToList();
        return TypedResults.Ok(new FleetMetricsResponse(name!, groupBy, DateTime.UnixEpoch.AddMilliseconds(window.From), DateTime.UnixEpoch.AddMilliseconds(window.To),
            window.Aggregation, resolution == 60 ? "1m" : "1h", answer));
    }

    private sealed record Group(string? Key, int Devices, double Min, double Max, double Sum, long Count);
}
