using System.CommandLine;
using System.Globalization;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class DevicesMetricsCommand : Command
{
    private const string DefaultSince = "1h";

    private readonly Argument<string> _id = IdArgument.Create("device");

    private readonly Option<string> _name = new("--name")
    {
        Description = "The metric name (e.g. heartbeat.load1, app.queue_length).",
        HelpName = "name",
        Required = true,
    };

    private readonly Option<string> _since = new("--since")
    {
        Description = "How far back: 30m, 1h, 7d.",
        HelpName = "duration",
        DefaultValueFactory = _ => DefaultSince,
    };

    private readonly Option<string?> _step = new("--step")
    {
        Description = "Width of each point: 30s, 5m, 1h (default: the server picks one giving at most about 300 steps).",
        HelpName = "step",
    };

    private readonly Option<string?> _aggregation = new("--agg")
    {
        Description = "How the values of a step combine: avg, min, max, sum, count or last (default avg).",
        HelpName = "aggregation",
    };

    private readonly Option<bool> _chart = new("--chart")
    {
        Description = "One line per series with a sparkline instead of one row per step.",
    };

    public DevicesMetricsCommand(CliContext cli)
        : base("metrics", "Show a device's series of one metric over a recent window, as a table or a small chart.")
    {
        Add(_id);
        Add(_name);
        Add(_since);
        Add(_step);
        Add(_aggregation);
        Add(_chart);
        _aggregation.AcceptOnlyFromAmong("avg", "min", "max", "sum", "count", "last");
        _since.Validators.Add(result =>
        {
            if (ParseDuration(result.GetValueOrDefault<string?>() ?? DefaultSince) is null)
            {
                result.AddError("--since must be a whole number followed by s, m, h or d (e.g. 30m, 1h, 7d).");
            }
        });
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var since = ParseDuration(parseResult.GetValue(_since)!)!.Value;
            var to = cli.Time.GetUtcNow().UtcDateTime;
            var metrics = await session.Client.Telemetry.DeviceMetricsAsync(
                parseResult.GetRequiredValue(_id), parseResult.GetRequiredValue(_name), to - since, to,
                parseResult.GetValue(_step), parseResult.GetValue(_aggregation), ct);
            if (session.Output.Format == OutputFormat.Json)
            {
                session.Output.Json(metrics);
            }
            else if (parseResult.GetValue(_chart))
            {
                session.Output.Rows(MetricViews.Charts(metrics), MetricViews.Chart);
            }
            else
            {
                session.Output.Rows(MetricViews.Rows(metrics), MetricViews.Point);
            }

            if (session.Output.Format != OutputFormat.Json && metrics.Series.All(s => s.Points.Count == 0))
            {
                session.Output.Note($"the device sent no {metrics.Name} points in the last {parseResult.GetValue(_since)}.");
            }

            return ExitCodes.Success;
        }, cancellationToken));
    }

    /// <summary>Reads <c>30m</c>, <c>1h</c>, <c>7d</c>: a positive whole number and one unit, like the server's <c>step</c>.</summary>
    internal static TimeSpan? ParseDuration(string text)
    {
        var unit = text.Length == 0 ? 0 : text[^1] switch { 's' => 1, 'm' => 60, 'h' => 3600, 'd' => 86400, _ => 0 };
        return unit == 0 || !int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count == 0
            ? null
            : TimeSpan.FromSeconds((double)count * unit);
    }
}
