using System.Globalization;

namespace Hangar.Cli.Output;

/// <summary>How a value reads in a table cell: times in UTC ISO 8601, numbers invariant, a missing value as '-'.</summary>
internal static class CellText
{
    public static string Format(object? value) => value switch
    {
        null => "-",
        DateTime time => (time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
