using System.Globalization;
using System.Text;

namespace Hangar.Core.Search;

// One record with a Kind rather than a class hierarchy: consumers switch on Kind, and record equality
// compares every member, which is what the round-trip guarantee (text -> query -> text) is stated in.
// The constructor is private so only the factories below can build one, and unused members stay at default.
public sealed record SearchValue
{
    private SearchValue(SearchValueKind kind, string? text, bool boolean, decimal number, DateTime dateTime)
    {
        Kind = kind;
        Text = text;
        Boolean = boolean;
        Number = number;
        DateTime = dateTime;
    }

    public SearchValueKind Kind { get; }

    // Set only when Kind is String.
    public string? Text { get; }

    public bool Boolean { get; }

    public decimal Number { get; }

    // Always UTC with whole seconds, because that is all the query language can express.
    public DateTime DateTime { get; }

    public static SearchValue FromString(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new SearchValue(SearchValueKind.String, text, false, 0m, default);
    }

    public static SearchValue FromBoolean(bool value) => new(SearchValueKind.Boolean, null, value, 0m, default);

    public static SearchValue FromNumber(decimal value) => new(SearchValueKind.Number, null, false, value, default);

    public static SearchValue FromDateTime(DateTime value)
    {
        // Refusing rather than converting: a silently shifted or truncated filter returns the wrong devices.
        if (value.Kind != DateTimeKind.Utc)
        {
            throw new ArgumentException("search date-times must be UTC (DateTimeKind.Utc)", nameof(value));
        }

        if (value.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentException("search date-times have whole-second precision", nameof(value));
        }

        return new SearchValue(SearchValueKind.DateTime, null, false, 0m, value);
    }

    // The value as query syntax, so a clause's text is field + operator + value.
    public override string ToString() => Kind switch
    {
        SearchValueKind.String => Quote(Text!),
        SearchValueKind.Boolean => Boolean ? "true" : "false",
        SearchValueKind.Number => Number.ToString(CultureInfo.InvariantCulture),
        SearchValueKind.DateTime => Quote(SearchSyntax.FormatDateTime(DateTime)),
        _ => throw new InvalidOperationException($"unknown search value kind {Kind}"),
    };

    private static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2);
        builder.Append('\'');
        foreach (var c in text)
        {
            if (c is '\'' or '\\')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.Append('\'').ToString();
    }
}
