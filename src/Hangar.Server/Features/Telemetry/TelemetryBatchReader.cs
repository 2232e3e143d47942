using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hangar.Contracts;
using Hangar.Contracts.Common;
using Hangar.Contracts.Telemetry;

namespace Hangar.Server.Features.Telemetry;

/// <summary>
/// Checks a batch against the limits that need no database (size, names, labels, times) and turns it into points:
/// the device's metrics, then each heartbeat's numbers as <c>heartbeat.*</c> series (a name prefix devices may not
/// use themselves). Every fault is reported at once, keyed by its place in the batch (<c>metrics[3].name</c>).
/// </summary>
internal static partial class TelemetryBatchReader
{
    public const string HeartbeatPrefix = "heartbeat.";

    [GeneratedRegex("^[a-z][a-z0-9_.]*$", RegexOptions.CultureInvariant)]
    private static partial Regex NameSyntax();

    [GeneratedRegex("^[a-z_][a-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex LabelKeySyntax();

    public static TelemetryRefusal? TryRead(TelemetryBatchRequest batch, TelemetryOptions limits, DateTimeOffset now, out List<ParsedPoint> points)
    {
        points = [];
        var metrics = batch.Metrics ?? [];
        var heartbeats = batch.Heartbeats ?? [];
        var invalid = new Dictionary<string, string[]>();
        var outOfRange = new Dictionary<string, string[]>();
        var earliest = now.AddSeconds(-limits.MaxPastSeconds).ToUnixTimeMilliseconds();
        var latest = now.AddSeconds(limits.MaxFutureSeconds).ToUnixTimeMilliseconds();
        for (var i = 0; i < metrics.Count; i++)
        {
            var metric = metrics[i];
            var at = $"metrics[{i}]";
            CheckName(metric.Name, limits, at, invalid);
            CheckLabels(metric.Labels, limits, at, invalid);
            if (metric.Unit is { Length: > 32 } || metric.Unit?.Any(char.IsControl) == true)
            {
                invalid[$"{at}.unit"] = ["must be at most 32 characters, without control characters."];
            }

            if (!double.IsFinite(metric.Value))
            {
                invalid[$"{at}.value"] = ["must be a finite number."];
            }

            var time = ReadTime(metric.Time, earliest, latest, $"{at}.time", invalid, outOfRange);
            points.Add(new ParsedPoint(metric.Name, CanonicalLabels(metric.Labels), metric.Unit, time, metric.Value));
        }

        for (var i = 0; i < heartbeats.Count; i++)
        {
            var heartbeat = heartbeats[i];
            var at = $"heartbeats[{i}]";
            if (heartbeat.AgentVersion is { Length: > 64 } || heartbeat.BootId is { Length: > 64 })
            {
                invalid[at] = ["agent_version and boot_id must be at most 64 characters."];
            }

            var time = ReadTime(heartbeat.Time, earliest, latest, $"{at}.time", invalid, outOfRange);
            foreach (var (name, labels, unit, value) in HeartbeatSeries.Of(heartbeat))
            {
                CheckLabels(labels, limits, at, invalid);
                points.Add(new ParsedPoint(name, CanonicalLabels(labels), unit, time, value));
            }
        }

        if (points.Count > limits.MaxPointsPerBatch)
        {
            return new TelemetryRefusal(StatusCodes.Status413PayloadTooLarge, ErrorCodes.TelemetryTooManyPoints,
                $"The batch holds {points.Count} points (heartbeats' numbers included); at most {limits.MaxPointsPerBatch} are accepted: split it.");
        }

        if (invalid.Count > 0)
        {
            return new TelemetryRefusal(StatusCodes.Status400BadRequest, ErrorCodes.TelemetryInvalidMetric,
                "Some metrics are malformed; see errors. Nothing of the batch was stored.", invalid);
        }

        return outOfRange.Count > 0
            ? new TelemetryRefusal(StatusCodes.Status400BadRequest, ErrorCodes.TelemetryTimeOutOfRange,
                $"Points must be at most {limits.MaxPastSeconds} s old and {limits.MaxFutureSeconds} s ahead of the server's clock; see errors. Nothing of the batch was stored.", outOfRange)
            : null;
    }

    private static void CheckName(string? name, TelemetryOptions limits, string at, Dictionary<string, string[]> invalid)
    {
        if (string.IsNullOrEmpty(name) || name.Length > limits.MaxNameLength || !NameSyntax().IsMatch(name))
        {
            invalid[$"{at}.name"] = [$"must be 1 to {limits.MaxNameLength} characters of a-z, 0-9, '_' and '.', starting with a letter."];
        }
        else if (name.StartsWith(HeartbeatPrefix, StringComparison.Ordinal))
        {
            invalid[$"{at}.name"] = [$"'{HeartbeatPrefix}' names are the heartbeat's own: send a heartbeat instead."];
        }
    }

    private static void CheckLabels(IReadOnlyDictionary<string, string>? labels, TelemetryOptions limits, string at, Dictionary<string, string[]> invalid)
    {
        if (labels is null)
        {
            return;
        }

        if (labels.Count > limits.MaxLabelsPerPoint)
        {
            invalid[$"{at}.labels"] = [$"must be at most {limits.MaxLabelsPerPoint} labels."];
            return;
        }

        foreach (var (key, value) in labels)
        {
            if (key.Length > limits.MaxLabelKeyLength || !LabelKeySyntax().IsMatch(key))
            {
                invalid[$"{at}.labels"] = [$"keys must be 1 to {limits.MaxLabelKeyLength} characters of a-z, 0-9 and '_', not starting with a digit."];
            }
            else if (value is null || value.Length == 0 || value.Length > limits.MaxLabelValueLength || value.Any(char.IsControl))
            {
                invalid[$"{at}.labels.{key}"] = [$"must be 1 to {limits.MaxLabelValueLength} characters, without control characters."];
            }
        }
    }

    private static long ReadTime(DateTime time, long earliest, long latest, string field, Dictionary<string, string[]> invalid, Dictionary<string, string[]> outOfRange)
    {
        if (time.Kind != DateTimeKind.Utc)
        {
            invalid[field] = ["must be a UTC time (e.g. '2030-01-01T00:00:00Z')."];
            return 0;
        }

        var ms = new DateTimeOffset(time).ToUnixTimeMilliseconds();
        if (ms < earliest || ms > latest)
        {
            outOfRange[field] = ["is too far from the server's clock."];
        }

        return ms;
    }

    /// <summary>The labels as JSON with the keys in ordinal order: one spelling per label set, so one series.</summary>
    public static string CanonicalLabels(IReadOnlyDictionary<string, string>? labels)
    {
        if (labels is null || labels.Count == 0)
        {
            return "";
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in labels.OrderBy(l => l.Key, StringComparer.Ordinal))
            {
                writer.WriteString(key, value);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads canonical labels back.</summary>
    public static IReadOnlyDictionary<string, string> ParseLabels(string labels) =>
        labels.Length == 0 ? new Dictionary<string, string>()
        : JsonSerializer.Deserialize(labels, HangarJsonContext.Default.IReadOnlyDictionaryStringString) ?? new Dictionary<string, string>();
}
