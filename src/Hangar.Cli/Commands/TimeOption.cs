using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Hangar.Cli.Commands;

/// <summary>An option taking a time in ISO 8601; without an offset, UTC is assumed (the API takes UTC only).</summary>
internal static class TimeOption
{
    private static readonly string[] Iso8601 =
        ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd"];

    public static Option<DateTime?> Create(string name, string purpose) => new(name)
    {
        Description = $"{purpose}, in ISO 8601 (e.g. 2030-01-31T00:00:00Z; without an offset, UTC is assumed).",
        HelpName = "time",
        CustomParser = Parse,
    };

    private static DateTime? Parse(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (DateTimeOffset.TryParseExact(text, Iso8601, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return time.UtcDateTime;
        }

        result.AddError($"'{text}' is not an ISO 8601 time; use e.g. 2030-01-31T00:00:00Z.");
        return null;
    }
}
