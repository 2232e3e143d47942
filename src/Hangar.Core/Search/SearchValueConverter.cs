using System.Diagnostics.CodeAnalysis;

namespace Hangar.Core.Search;

// The parser only knows strings, booleans and numbers; the field's declared type decides what a quoted
// string means (a date-time, a UUID or plain text).
internal static class SearchValueConverter
{
    private const string UuidExample = "0190a6e2-7a4b-7cde-8f01-23456789abcd";

    public static bool TryConvert(
        SearchFieldDefinition field,
        SearchValue value,
        [NotNullWhen(true)] out SearchValue? converted,
        [NotNullWhen(false)] out string? error)
    {
        converted = field.Type switch
        {
            SearchFieldType.String when value.Kind == SearchValueKind.String => value,
            SearchFieldType.Boolean when value.Kind == SearchValueKind.Boolean => value,
            SearchFieldType.Number when value.Kind == SearchValueKind.Number => value,
            SearchFieldType.DateTime => ToDateTime(value),
            SearchFieldType.Uuid => ToUuid(value),
            _ => null,
        };

        error = converted is null ? Expectation(field) : null;
        return converted is not null;
    }

    private static SearchValue? ToDateTime(SearchValue value) => value.Kind switch
    {
        SearchValueKind.DateTime => value,
        SearchValueKind.String when SearchSyntax.TryParseDateTime(value.Text!, out var dateTime) => SearchValue.FromDateTime(dateTime),
        _ => null,
    };

    // Normalized to lowercase hyphenated form so the database comparison does not depend on the client's casing.
    private static SearchValue? ToUuid(SearchValue value) =>
        value.Kind == SearchValueKind.String && Guid.TryParseExact(value.Text, "D", out var uuid)
            ? SearchValue.FromString(uuid.ToString("D"))
            : null;

    private static string Expectation(SearchFieldDefinition field) => field.Type switch
    {
        SearchFieldType.String => $"field '{field.Name}' expects a quoted string like 'text'",
        SearchFieldType.Boolean => $"field '{field.Name}' expects true or false",
        SearchFieldType.Number => $"field '{field.Name}' expects a number like 42 or -1.5",
        SearchFieldType.DateTime => $"field '{field.Name}' expects a date-time like '{SearchSyntax.DateTimeExample}'",
        SearchFieldType.Uuid => $"field '{field.Name}' expects a UUID like '{UuidExample}'",
        _ => $"field '{field.Name}' has an unknown type",
    };
}
