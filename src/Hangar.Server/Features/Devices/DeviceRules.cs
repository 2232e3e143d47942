using Hangar.Server.Hosting.Validation;

namespace Hangar.Server.Features.Devices;

/// <summary>The shape of device fields, shared by the API, CSV import and JITP so that all three accept the same devices.</summary>
internal static class DeviceRules
{
    public const int MaxTags = 32;
    public const int MaxTagLength = 64;

    /// <summary>Letters, digits and <c>.-_:@</c>: the identifier is also a certificate CN and appears in logs and CSV.</summary>
    public static string? IdentifierRefusal(string? identifier) =>
        string.IsNullOrEmpty(identifier) ? "is required."
        : identifier.Length > 128 ? "must be 1 to 128 characters."
        : identifier.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or ':' or '@') ? null
        : "may contain only letters, digits and . - _ : @.";

    public static string? TagsRefusal(IReadOnlyList<string>? tags)
    {
        if (tags is null)
        {
            return null;
        }

        if (tags.Count > MaxTags)
        {
            return $"must be at most {MaxTags} tags.";
        }

        return tags.All(t => t is { Length: > 0 and <= MaxTagLength } && !t.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == ','))
            ? null
            : $"each tag must be 1 to {MaxTagLength} characters without whitespace or commas.";
    }

    /// <summary>Distinct, in the order given.</summary>
    public static List<string> NormalizeTags(IEnumerable<string>? tags) => tags?.Distinct(StringComparer.Ordinal).ToList() ?? [];

    public static RequestValidator DeviceFields(this RequestValidator validator, string? description, IReadOnlyList<string>? tags, string? target)
    {
        validator.Text("description", description, max: 256, min: 0, required: false);
        validator.Text("target", target, max: 128, min: 0, required: false);
        if (TagsRefusal(tags) is { } tagError)
        {
            validator.Add("tags", tagError);
        }

        return validator;
    }
}
