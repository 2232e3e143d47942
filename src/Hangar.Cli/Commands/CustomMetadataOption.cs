using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.Json;

namespace Hangar.Cli.Commands;

/// <summary><c>--custom-metadata JSON</c>: a JSON object, checked locally so a typo is a usage error, not a round trip.</summary>
internal static class CustomMetadataOption
{
    public static Option<JsonElement?> Create() => new("--custom-metadata")
    {
        Description = "A JSON object (at most 1,000,000 bytes), e.g. '{\"board\":\"imx8\"}'. On update it replaces the old object.",
        HelpName = "json",
        CustomParser = result => Parse(result, result.Tokens.Single().Value),
    };

    public static JsonElement? Parse(ArgumentResult result, string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document.RootElement.Clone();
            }

            result.AddError($"'{text}' is valid JSON but not a JSON object.");
        }
        catch (JsonException exception)
        {
            result.AddError($"'{text}' is not valid JSON: {exception.Message}");
        }

        return null;
    }
}
