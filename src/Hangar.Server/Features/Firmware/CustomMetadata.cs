using System.Text;
using System.Text.Json;
using Hangar.Server.Hosting.Validation;

namespace Hangar.Server.Features.Firmware;

/// <summary>Custom metadata: a JSON object of at most 1,000,000 bytes, stored as its JSON text.</summary>
internal static class CustomMetadata
{
    public const int MaxBytes = 1_000_000;

    public static RequestValidator Metadata(this RequestValidator validator, string field, JsonElement? value, out string? json)
    {
        json = null;
        if (value is not { } element || element.ValueKind == JsonValueKind.Null)
        {
            return validator;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return validator.Add(field, "must be a JSON object.");
        }

        var text = element.GetRawText();
        if (Encoding.UTF8.GetByteCount(text) > MaxBytes)
        {
            return validator.Add(field, $"must be at most {MaxBytes:N0} bytes of JSON.");
        }

        json = text;
        return validator;
    }

    public static JsonElement? Parse(string? json) =>
        json is null ? null : JsonDocument.Parse(json).RootElement.Clone();
}
