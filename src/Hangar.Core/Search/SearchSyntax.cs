using System.Globalization;

namespace Hangar.Core.Search;

// Grammar facts shared by the parser, the formatter and schema validation.
internal static class SearchSyntax
{
    public const int MaxClauses = 5;
    public const int MaxFieldLength = 64;
    public const int MaxValueLength = 1024;
    public const int MaxQueryLength = 4096;
    public const string Separator = " and ";
    public const string DateTimeExample = "2024-01-31T12:00:00Z";

    private const string DateTimeFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    // The field charset excludes every operator character, so the first non-field character starts the operator.
    public static bool IsFieldStart(char c) => char.IsAsciiLetterLower(c);

    public static bool IsFieldPart(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '.';

    public static bool IsValidFieldName(string name) =>
        name is { Length: > 0 and <= MaxFieldLength } && IsFieldStart(name[0]) && name.All(IsFieldPart);

    public static string Token(SearchOperator op) => op switch
    {
        SearchOperator.Equals => ":",
        SearchOperator.ContainsIgnoreCase => "-",
        SearchOperator.Contains => "~",
        SearchOperator.LessThan => "<",
        SearchOperator.LessThanOrEqual => "<=",
        SearchOperator.GreaterThan => ">",
        SearchOperator.GreaterThanOrEqual => ">=",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "unknown search operator"),
    };

    public static bool IsSubstring(SearchOperator op) => op is SearchOperator.Contains or SearchOperator.ContainsIgnoreCase;

    public static string FormatDateTime(DateTime value) => value.ToString(DateTimeFormat, CultureInfo.InvariantCulture);

    // Only the exact form 'YYYY-MM-DDTHH:MM:SSZ' is a date-time: the shape is checked by hand because
    // ParseExact is lenient about digit counts, then ParseExact rejects impossible dates such as 2023-02-30.
    public static bool TryParseDateTime(string text, out DateTime value)
    {
        value = default;
        if (text.Length != DateTimeExample.Length)
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var expected = DateTimeExample[i];
            var matches = char.IsAsciiDigit(expected) ? char.IsAsciiDigit(text[i]) : text[i] == expected;
            if (!matches)
            {
                return false;
            }
        }

        return DateTime.TryParseExact(
            text,
            DateTimeFormat,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out value);
    }
}
