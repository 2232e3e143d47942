using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hangar.Contracts;

/// <summary>The one JSON dialect of the Hangar API: snake_case names, no unknown members, nulls written.</summary>
public static class HangarJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Applies the Hangar conventions to options owned by someone else (ASP.NET Core's, a client's).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = null;
        // Unknown members are an error, not silently dropped: a typo in a field name must not look like success,
        // and read-only fields (ids, timestamps) cannot be mass-assigned.
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.AllowTrailingCommas = false;
        options.ReadCommentHandling = JsonCommentHandling.Disallow;
        options.MaxDepth = 32;
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        return options;
    }
}
