using System.Globalization;
using System.Text;
using Hangar.Contracts.Telemetry;

namespace Hangar.Cli.Output;

/// <summary>How metric series show in a table: one row per step, or one row per series with a sparkline.</summary>
internal static class MetricViews
{
    private const string Blocks = "▁▂▃▄▅▆▇█";

    public static readonly ResourceView<MetricRow> Point = new ResourceView<MetricRow>()
        .Add("SERIES", r => r.Series)
        .Add("TIME", r => r.Time)
        .Add("VALUE", r => r.Value.ToString("G6", CultureInfo.InvariantCulture));

    public static readonly ResourceView<SeriesChart> Chart = new ResourceView<SeriesChart>()
        .Add("SERIES", c => c.Series)
        .Add("MIN", c => c.Min.ToString("G6", CultureInfo.InvariantCulture))
        .Add("MAX", c => c.Max.ToString("G6", CultureInfo.InvariantCulture))
        .Add("LAST", c => c.Last.ToString("G6", CultureInfo.InvariantCulture))
        .Add("CHART", c => c.Sparkline);

    public static IEnumerable<MetricRow> Rows(DeviceMetricsResponse metrics) =>
        metrics.Series.SelectMany(s => s.Points.Select(p => new MetricRow(Name(s), p.Time, p.Value)));

    public static IEnumerable<SeriesChart> Charts(DeviceMetricsResponse metrics) =>
        metrics.Series.Where(s => s.Points.Count > 0).Select(s => new SeriesChart(
            Name(s), s.Points.Min(p => p.Value), s.Points.Max(p => p.Value), s.Points[^1].Value, Sparkline(metrics, s)));

    /// <summary>One block per step of the window, scaled between the series' min and max; a space where a step has no data.</summary>
    public static string Sparkline(DeviceMetricsResponse metrics, MetricSeriesResponse series)
    {
        var min = series.Points.Min(p => p.Value);
        var span = series.Points.Max(p => p.Value) - min;
        var byTime = series.Points.ToDictionary(p => p.Time);
        var step = TimeSpan.FromSeconds(metrics.StepSeconds);
        var first = series.Points[0].Time;
        var text = new StringBuilder();
        for (var time = first; time <= series.Points[^1].Time; time += step)
        {
            text.Append(byTime.TryGetValue(time, out var point)
                ? Blocks[span == 0 ? 0 : (int)Math.Round((point.Value - min) / span * (Blocks.Length - 1))]
                : ' ');
        }

        return text.ToString();
    }

    private static string Name(MetricSeriesResponse series) =>
        series.Labels.Count == 0 ? "-" : string.Join(",", series.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));

    internal sealed record MetricRow(string Series, DateTime Time, double Value);

    internal sealed record SeriesChart(string Series, double Min, double Max, double Last, string Sparkline);
}
