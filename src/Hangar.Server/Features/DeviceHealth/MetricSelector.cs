using System.Text;
using System.Text.RegularExpressions;
using Hangar.Server.Features.Telemetry;

namespace Hangar.Server.Features.DeviceHealth;

/// <summary>
/// The metric a rule watches: a series name and the labels a series must carry, written
/// <c>heartbeat.disk_used_percent{mount="/data"}</c> (values in double quotes, <c>\"</c> and <c>\\</c> escaped).
/// A series matches when it carries every label given, whatever others it has.
/// </summary>
internal sealed partial record MetricSelector(string Name, IReadOnlyDictionary<string, string> Labels)
{
    // The names and label keys the telemetry intake accepts (TelemetryBatchReader).
    [GeneratedRegex("^[a-z][a-z0-9_.]*$", RegexOptions.CultureInvariant)]
    private static partial Regex NameSyntax();

    [GeneratedRegex("^[a-z_][a-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex KeySyntax();

    public static MetricSelector? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 512)
        {
            return null;
        }

        var brace = text.IndexOf('{', StringComparison.Ordinal);
        var name = brace < 0 ? text : text[..brace];
        if (name.Length > 256 || !NameSyntax().IsMatch(name))
        {
            return null;
        }

        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal);
        return brace < 0 || TryParseLabels(text.AsSpan(brace), labels) ? new MetricSelector(name, labels) : null;
    }

    /// <summary>
    /// Each label as it appears inside a series' canonical label JSON (<c>"mount":"/data"</c>), written by the same
    /// writer as the intake. The JSON writer escapes every double quote inside keys and values, so a fragment can only
    /// match the whole key and value it names.
    /// </summary>
    public IEnumerable<string> LabelFragments() =>
        Labels.Select(l => TelemetryBatchReader.CanonicalLabels(new Dictionary<string, string> { [l.Key] = l.Value })[1..^1]);

    /// <summary>Where a series must carry the labels, in canonical JSON (stored with the rule).</summary>
    public string CanonicalLabels() => TelemetryBatchReader.CanonicalLabels(Labels.ToDictionary());

    public override string ToString()
    {
        if (Labels.Count == 0)
        {
            return Name;
        }

        var text = new StringBuilder(Name).Append('{');
        text.AppendJoin(',', Labels.Select(l => $"{l.Key}=\"{l.Value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\""));
        return text.Append('}').ToString();
    }

    private static bool TryParseLabels(ReadOnlySpan<char> text, SortedDictionary<string, string> labels)
    {
        // text starts with '{'; pairs key="value" separated by commas; nothing after the closing '}'.
        var i = 1;
        while (i < text.Length && text[i] != '}')
        {
            var equals = text[i..].IndexOf('=');
            if (equals < 1 || i + equals + 1 >= text.Length || text[i + equals + 1] != '"')
            {
                return false;
            }

            var key = text.Slice(i, equals).Trim().ToString();
            i += equals + 2;
            var value = new StringBuilder();
            while (i < text.Length && text[i] != '"')
            {
                if (text[i] == '\\' && i + 1 < text.Length)
                {
                    i++;
                }

                value.Append(text[i++]);
            }

            if (i >= text.Length || !KeySyntax().IsMatch(key) || !labels.TryAdd(key, value.ToString()))
            {
                return false;
            }

            i++;
            if (i < text.Length && text[i] == ',')
            {
                i++;
            }
        }

        return i == text.Length - 1 && labels.Count > 0;
    }
}
