using System.Globalization;
using Hangar.Server.Hosting.Validation;

namespace Hangar.Server.Features.Telemetry;

/// <summary>
/// A query's window, step and aggregation, read from the query string: <c>from</c>/<c>to</c> ISO 8601 (default the
/// last hour), <c>step</c> in seconds or with a unit (<c>30s</c>, <c>5m</c>, <c>1h</c>, <c>1d</c>; default: the
/// smallest that gives at most <see cref="DefaultSteps"/> steps), <c>agg</c> one of <see cref="Aggregations"/>. The
/// step picks the stored data: under a minute the raw points, whole minutes the 1-minute rollups, whole hours the
/// 1-hour rollups.
/// </summary>
internal sealed record MetricWindow(long From, long To, int StepSeconds, string Aggregation, int Resolution)
{
    public const int DefaultSteps = 300;
    public static readonly string[] Aggregations = ["avg", "min", "max", "sum", "count", "last"];
    private static readonly int[] DefaultStepChoices = [10, 30, 60, 300, 900, 3600, 6 * 3600, 24 * 3600];

    public long StepMs => StepSeconds * 1000L;

    public long Steps => (To - From + StepMs - 1) / StepMs;

    public string ResolutionName => Resolution switch { 0 => "raw", 60 => "1m", _ => "1h" };

    public static MetricWindow? TryRead(string? from, string? to, string? step, string? agg, DateTimeOffset now, RequestValidator validator)
    {
        var end = ReadTime(to, "to", now, validator);
        var start = ReadTime(from, "from", end.AddHours(-1), validator);
        if (start >= end)
        {
            validator.Add("from", "must be before to.");
        }

        var aggregation = agg ?? "avg";
        if (!Aggregations.Contains(aggregation))
        {
            validator.Add("agg", $"must be one of {string.Join(", ", Aggregations)}.");
        }

        var seconds = step is null ? DefaultStep(end - start) : ReadStep(step);
        var resolution = seconds switch { < 60 => 0, < 3600 => 60, _ => 3600 };
        if (seconds is null or < 1 || resolution > 0 && seconds % resolution != 0)
        {
            validator.Add("step", "must be 1 to 59 seconds, whole minutes under an hour, or whole hours (e.g. 30s, 5m, 1h, 1d).");
        }

        return validator.IsValid ? new MetricWindow(start.ToUnixTimeMilliseconds(), end.ToUnixTimeMilliseconds(), seconds!.Value, aggregation, resolution) : null;
    }

    private static DateTimeOffset ReadTime(string? value, string field, DateTimeOffset fallback, RequestValidator validator)
    {
        if (value is null)
        {
            return fallback;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return time;
        }

        validator.Add(field, "must be an ISO 8601 time (e.g. '2030-01-01T00:00:00Z').");
        return fallback;
    }

    private static int? DefaultStep(TimeSpan span) =>
        DefaultStepChoices.FirstOrDefault(s => span.TotalSeconds / s <= DefaultSteps, DefaultStepChoices[^1]);

    private static int? ReadStep(string step)
    {
        var unit = step[^1] switch { 's' => 1, 'm' => 60, 'h' => 3600, 'd' => 86400, _ => 0 };
        var digits = unit == 0 ? step : step[..^1];
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count <= 366 * 86400 / Math.Max(1, unit)
            ? count * Math.Max(1, unit)
            : null;
    }
}
