using System.Globalization;

namespace Hangar.Cli.Output;

/// <summary>
/// How a value reads in a table cell: times in UTC ISO 8601 with <c>Z</c> (whatever offset they carry), booleans as
/// JSON writes them (<c>true</c>/<c>false</c>), numbers invariant, a missing value as '-'.
/// </summary>
internal static class CellText
{
    public static string Format(object? value) => value switch
    {
        null => "-",
        DateTime time => Utc(time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time),
        DateTimeOffset time => Utc(time.UtcDateTime),
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Utc(DateTime time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
