using System.Text.Json;
using System.Text.RegularExpressions;

namespace Hangar.Server.Hosting.Problems;

/// <summary>
/// Error details in the API's own terms. The framework's binding and System.Text.Json messages name .NET types and
/// parameters (<c>Nullable&lt;int&gt; Limit</c>, <c>Access.CreateApiKeyRequest</c>); clients know field names
/// (<c>limit</c>, <c>$.role</c>) and JSON kinds, so those are what a detail says.
/// </summary>
internal static partial class BindingErrorDetail
{
    private const int MaxEchoedValue = 100;

    /// <summary>A route, query or header parameter that could not be bound.</summary>
    public static string ForParameter(string message)
    {
        var parameter = Parameter().Match(message);
        if (!parameter.Success)
        {
            return StripTypeNames(message);
        }

        var name = JsonNamingPolicy.SnakeCaseLower.ConvertName(parameter.Groups["name"].Value);
        if (message.StartsWith("Required parameter", StringComparison.Ordinal))
        {
            return $"The parameter '{name}' is required.";
        }

        var value = SourceValue().Match(message);
        return value.Success
            ? $"The parameter '{name}' has an invalid value \"{Truncate(value.Groups["value"].Value)}\"."
            : $"The parameter '{name}' is not valid.";
    }

    /// <summary>A JSON body that could not be read into the request: where, and what is wrong in JSON words.</summary>
    public static string ForJson(JsonException json)
    {
        var where = json.Path is null ? "" : $" at {json.Path}";
        var position = json.LineNumber is null ? "" : $" (line {json.LineNumber + 1}, byte {json.BytePositionInLine})";
        // A syntax error comes from the reader (an internal type, hence the name); anything else is valid JSON of the wrong shape.
        return json.InnerException?.GetType().Name == "JsonReaderException"
            ? $"The request body is not valid JSON{where}{position}: {JsonReason(json.Message)}"
            : $"The JSON body is invalid{where}{position}: {JsonReason(json.Message)}";
    }

    private static string JsonReason(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message[..cut];
        }

        if (NotConvertible().Match(message) is { Success: true } conversion)
        {
            return $"expected {JsonKind(conversion.Groups["type"].Value)}.";
        }

        if (MissingRequired().Match(message) is { Success: true } missing)
        {
            return $"missing required properties: {missing.Groups["names"].Value.Replace("'", "", StringComparison.Ordinal)}.";
        }

        if (UnknownProperty().Match(message) is { Success: true } unknown)
        {
            return $"unknown property '{unknown.Groups["name"].Value}'.";
        }

        if (NullNotAllowed().Match(message) is { Success: true } nulled)
        {
            return $"'{nulled.Groups["name"].Value}' may not be null.";
        }

        return StripTypeNames(message);
    }

    private static string JsonKind(string type) => type switch
    {
        _ when Is(type, "Int16", "Int32", "Int64", "UInt16", "UInt32", "UInt64", "Byte") => "an integer",
        _ when Is(type, "Double", "Single", "Decimal") => "a number",
        _ when Is(type, "String") => "a string",
        _ when Is(type, "Boolean") => "true or false",
        _ when Is(type, "DateTime", "DateTimeOffset") => "a UTC date-time string (ISO 8601, ending in Z)",
        _ when Is(type, "Guid") => "a UUID string",
        _ when type.Contains("List`1", StringComparison.Ordinal) || type.EndsWith("[]", StringComparison.Ordinal) => "an array",
        _ when type.Contains("Dictionary`2", StringComparison.Ordinal) || type.StartsWith("Hangar.", StringComparison.Ordinal) => "an object",
        _ => "a value of another type",
    };

    private static bool Is(string type, params string[] names) =>
        names.Any(name => type == $"System.{name}" || type.Contains($"[System.{name}]", StringComparison.Ordinal));

    /// <summary>What no rule above recognised keeps its words but loses any .NET type name.</summary>
    private static string StripTypeNames(string message) => TypeName().Replace(message, "the value");

    private static string Truncate(string value) => value.Length <= MaxEchoedValue ? value : value[..MaxEchoedValue] + "…";

    [GeneratedRegex("""parameter "(?<type>[^"]*) (?<name>\w+)"\s""")]
    private static partial Regex Parameter();

    [GeneratedRegex("""from "(?<value>.*)"\.?$""")]
    private static partial Regex SourceValue();

    [GeneratedRegex("""could not be converted to (?<type>\S+?)\.?$""")]
    private static partial Regex NotConvertible();

    [GeneratedRegex("""missing required properties including: (?<names>.+?)\.?$""")]
    private static partial Regex MissingRequired();

    [GeneratedRegex("""The JSON property '(?<name>[^']+)' could not be mapped""")]
    private static partial Regex UnknownProperty();

    [GeneratedRegex("""(?:parameter|property or field|property) '(?<name>[^']+)' on type '[^']+' doesn't allow""")]
    private static partial Regex NullNotAllowed();

    [GeneratedRegex("""'?\b(?:System|Hangar|Microsoft)\.[\w`.\[\],]+'?|\bNullable(?:`1|<[^>]*>)(?:\[[^\]]*\])?|\b[A-Z]\w*\.[A-Z]\w*Request\b""")]
    private static partial Regex TypeName();
}
