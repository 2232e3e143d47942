using System.Globalization;
using System.Text.RegularExpressions;
using Hangar.Contracts.Telemetry;

namespace Hangar.Agent.Telemetry;

/// <summary>
/// One line of application metrics, from a script or the metrics socket: <c>name value [unit] [label=value…]</c>,
/// separated by spaces, e.g. <c>app.queue_length 12 {item} queue=inbound</c>. The server's default limits are
/// checked here, so one bad line is skipped (and logged) instead of the whole batch being refused.
/// </summary>
internal static partial class MetricLine
{
    private const int MaxNameLength = 128;
    private const int MaxLabels = 8;
    private const int MaxLabelKeyLength = 64;
    private const int MaxLabelValueLength = 128;
    private const int MaxUnitLength = 32;

    [GeneratedRegex("^[a-z][a-z0-9_.]*$", RegexOptions.CultureInvariant)]
    private static partial Regex NameSyntax();

    [GeneratedRegex("^[a-z_][a-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex LabelKeySyntax();

    /// <summary>The line as a point at <paramref name="now"/>, or null with <paramref name="error"/> saying why not.</summary>
    public static MetricPointRequest? Parse(string line, DateTime now, out string? error)
    {
        error = null;
        var fields = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 2)
        {
            error = "expected 'name value [unit] [label=value…]'";
            return null;
        }

        var name = fields[0];
        if (name.Length > MaxNameLength || !NameSyntax().IsMatch(name) || name.StartsWith("heartbeat.", StringComparison.Ordinal))
        {
            error = $"'{name}' is not a metric name (a-z, 0-9, '_' and '.', starting with a letter, at most {MaxNameLength}, not 'heartbeat.')";
            return null;
        }

        if (!double.TryParse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            error = $"'{fields[1]}' is not a finite number";
            return null;
        }

        var rest = fields.AsSpan(2);
        string? unit = null;
        if (rest.Length > 0 && !rest[0].Contains('=', StringComparison.Ordinal))
        {
            unit = rest[0];
            rest = rest[1..];
            if (unit.Length > MaxUnitLength)
            {
                error = $"the unit is longer than {MaxUnitLength} characters";
                return null;
            }
        }

        var labels = ParseLabels(rest, out error);
        return error is null ? new MetricPointRequest(name, value, now, unit, labels) : null;
    }

    private static Dictionary<string, string>? ParseLabels(ReadOnlySpan<string> fields, out string? error)
    {
        error = null;
        if (fields.Length == 0)
        {
            return null;
        }

        if (fields.Length > MaxLabels)
        {
            error = $"more than {MaxLabels} labels";
            return null;
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            var equals = field.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? field : field[..equals];
            var value = equals < 0 ? "" : field[(equals + 1)..];
            if (key.Length > MaxLabelKeyLength || !LabelKeySyntax().IsMatch(key) || value.Length is 0 or > MaxLabelValueLength
                || value.Any(char.IsControl) || !labels.TryAdd(key, value))
            {
                error = $"'{field}' is not a label (key=value: a-z, 0-9 and '_' for the key, 1 to {MaxLabelValueLength} characters for the value, each key once)";
                return null;
            }
        }

        return labels;
    }
}
