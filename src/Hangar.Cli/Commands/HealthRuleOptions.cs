using System.CommandLine;
using System.Globalization;

namespace Hangar.Cli.Commands;

/// <summary>The options health-rules commands share: the product, and the parts of a rule's condition.</summary>
internal static class HealthRuleOptions
{
    public static Option<string> Product() => new("--product")
    {
        Description = "The product whose rules these are: its id, HRN or name.",
        HelpName = "product",
        Required = true,
    };

    public static Argument<string> Rule() => new("rule") { Description = "The health rule: its id (UUID), HRN or name." };

    public static Option<string?> Metric() => new("--metric")
    {
        Description = "The metric, with an optional label match: heartbeat.disk_used_percent{mount=\"/data\"}; for --kind absence also 'heartbeat' (no heartbeat at all).",
        HelpName = "selector",
    };

    public static Option<string?> Aggregation() => new("--aggregation")
    {
        Description = "Threshold rules: avg, min, max or last of the metric over the window (min > 90: above 90 the whole window).",
        HelpName = "avg|min|max|last",
    };

    public static Option<string?> Operator() => new("--operator")
    {
        Description = "Threshold rules: >, >=, < or <= (quote it in the shell).",
        HelpName = "op",
    };

    public static Option<double?> Threshold() => new("--threshold")
    {
        Description = "Threshold rules: the value compared with (a '.' for decimals).",
        HelpName = "number",
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            result.AddError($"'{text}' is not a number; write e.g. 90 or 0.5.");
            return null;
        },
    };

    public static Option<string?> Window() => new("--window")
    {
        Description = "The window: whole minutes, e.g. 10m, 2h, 1d (threshold rules up to 1d, whole hours beyond 6h; absence rules up to 30d).",
        HelpName = "duration",
        Validators = { result => { if (Seconds(result.GetValueOrDefault<string?>()) is null && result.GetValueOrDefault<string?>() is not null) { result.AddError("--window must be a whole number followed by s, m, h or d (e.g. 10m, 2h)."); } } },
    };

    public static Option<string?> Severity() => new("--severity")
    {
        Description = "warning (the default) or critical.",
        HelpName = "severity",
    };

    public static int? Seconds(string? window) =>
        window is null || DevicesMetricsCommand.ParseDuration(window) is not { } duration ? null : (int)duration.TotalSeconds;
}
