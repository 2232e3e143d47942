using Hangar.Data;
using Hangar.Data.DeviceHealth;
using Hangar.Data.Devices;
using Hangar.Data.Telemetry;
using Hangar.Data.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.DeviceHealth;

/// <summary>
/// One statement per rule over all of its product's devices, answering only the failing ones (the comparison is in
/// the database). Threshold rules read the rollups of the window (1-minute up to 6 hours, else 1-hour: at most 360
/// rows per matching series), grouped per series; a device fails when any matching series does, with the worst value.
/// Quarantined devices are never evaluated.
/// </summary>
internal static class HealthRuleQueries
{
    public static async Task<List<FailingDevice>> FailingAsync(HangarDbContext db, HealthRule rule, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (rule.Kind == HealthRuleKinds.Absence)
        {
            var silent = rule.Metric == HealthRuleKinds.Heartbeat ? WithoutHeartbeat(db, rule, now) : WithoutPoints(db, rule, now);
            return await silent.Select(id => new FailingDevice(id, null)).ToListAsync(cancellationToken);
        }

        var values = rule.Aggregation == "last" ? Latest(db, rule, now) : Aggregated(db, rule, now);
        var failing = await Failing(values, rule.Operator!, rule.Threshold!.Value).ToListAsync(cancellationToken);
        var above = rule.Operator!.StartsWith('>');
        return [.. failing.GroupBy(v => v.DeviceId)
            .Select(g => new FailingDevice(g.Key, above ? g.Max(v => v.Value) : g.Min(v => v.Value)))];
    }

    private static IQueryable<Device> Devices(HangarDbContext db, HealthRule rule) =>
        db.Devices.IgnoreQueryFilters([TenantFilter.Name]).Where(d => d.ProductId == rule.ProductId && !d.Quarantined);

    /// <summary>The series of the rule's metric carrying its labels, of the product's devices.</summary>
    private static IQueryable<TelemetrySeries> Series(HangarDbContext db, HealthRule rule)
    {
        var series = db.TelemetrySeries.IgnoreQueryFilters([TenantFilter.Name]).Where(s => s.OrganizationId == rule.OrganizationId && s.Name == rule.Metric);
        foreach (var fragment in rule.Selector().LabelFragments())
        {
            series = series.Where(s => s.Labels.Contains(fragment));
        }

        var devices = Devices(db, rule);
        return series.Where(s => devices.Any(d => d.Id == s.DeviceId));
    }

    /// <summary>
    /// avg, min or max of each series over the window. Only series that existed before the window began take part, so
    /// "above 90 for 10 minutes" is never said of a device that has reported for two.
    /// </summary>
    private static IQueryable<SeriesValue> Aggregated(HangarDbContext db, HealthRule rule, DateTimeOffset now)
    {
        var resolution = HealthRuleTerms.ResolutionOf(rule.WindowSeconds);
        var start = now.ToUnixTimeMilliseconds() - (rule.WindowSeconds * 1000L);
        var existedBy = now.UtcDateTime.AddSeconds(-rule.WindowSeconds);
        var grouped = from r in db.TelemetryRollups
                      where r.Resolution == resolution && r.Bucket >= start
                      join s in Series(db, rule).Where(s => s.CreatedAt <= existedBy) on r.SeriesId equals s.Id
                      group r by new { r.SeriesId, s.DeviceId } into g
                      select new { g.Key.DeviceId, Sum = g.Sum(r => r.Sum), Count = g.Sum(r => r.Count), Min = g.Min(r => r.Min), Max = g.Max(r => r.Max) };
        return rule.Aggregation switch
        {
            "avg" => grouped.Select(g => new SeriesValue { DeviceId = g.DeviceId, Value = g.Sum / g.Count }),
            "min" => grouped.Select(g => new SeriesValue { DeviceId = g.DeviceId, Value = g.Min }),
            _ => grouped.Select(g => new SeriesValue { DeviceId = g.DeviceId, Value = g.Max }),
        };
    }

    /// <summary>The latest value of each series, if it reported within the window.</summary>
    private static IQueryable<SeriesValue> Latest(HangarDbContext db, HealthRule rule, DateTimeOffset now)
    {
        var resolution = HealthRuleTerms.ResolutionOf(rule.WindowSeconds);
        var start = now.ToUnixTimeMilliseconds() - (rule.WindowSeconds * 1000L);
        return from r in db.TelemetryRollups
               where r.Resolution == resolution && r.Bucket >= start
               join s in Series(db, rule) on r.SeriesId equals s.Id
               where !db.TelemetryRollups.Any(later => later.SeriesId == r.SeriesId && later.Resolution == resolution && later.Bucket > r.Bucket)
               select new SeriesValue { DeviceId = s.DeviceId, Value = r.Last };
    }

    private static IQueryable<SeriesValue> Failing(IQueryable<SeriesValue> values, string op, double threshold) => op switch
    {
        ">" => values.Where(v => v.Value > threshold),
        ">=" => values.Where(v => v.Value >= threshold),
        "<" => values.Where(v => v.Value < threshold),
        _ => values.Where(v => v.Value <= threshold),
    };

    /// <summary>Devices registered before the window began whose latest heartbeat (if any) arrived before it.</summary>
    private static IQueryable<Guid> WithoutHeartbeat(HangarDbContext db, HealthRule rule, DateTimeOffset now)
    {
        var cutoff = now.UtcDateTime.AddSeconds(-rule.WindowSeconds);
        var heartbeats = db.DeviceHeartbeats.IgnoreQueryFilters([TenantFilter.Name]);
        return Devices(db, rule).Where(d => d.CreatedAt <= cutoff && !heartbeats.Any(h => h.DeviceId == d.Id && h.ReceivedAt > cutoff)).Select(d => d.Id);
    }

    /// <summary>
    /// Devices registered before the window began with no point of the metric in it, read from the 1-hour rollups
    /// (kept longest; <c>last_time</c> is the bucket's latest point) of the hours the window touches.
    /// </summary>
    private static IQueryable<Guid> WithoutPoints(HangarDbContext db, HealthRule rule, DateTimeOffset now)
    {
        var cutoff = now.UtcDateTime.AddSeconds(-rule.WindowSeconds);
        var cutoffMs = now.ToUnixTimeMilliseconds() - (rule.WindowSeconds * 1000L);
        var firstHour = cutoffMs - (cutoffMs % 3_600_000);
        var recent = from r in db.TelemetryRollups
                     where r.Resolution == 3600 && r.Bucket >= firstHour && r.LastTime > cutoffMs
                     join s in Series(db, rule) on r.SeriesId equals s.Id
                     select s.DeviceId;
        return Devices(db, rule).Where(d => d.CreatedAt <= cutoff && !recent.Contains(d.Id)).Select(d => d.Id);
    }
}
