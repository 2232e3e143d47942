using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hangar.Contracts;

/// <summary>
/// The one JSON dialect of the Hangar API, defined by <see cref="HangarJsonContext"/>'s options: snake_case names,
/// no unknown members, nulls written.
/// </summary>
public static class HangarJson
{
    /// <summary>The dialect as the server reads requests: strict, an unknown member is an error.</summary>
    public static JsonSerializerOptions Options => HangarJsonContext.Default.Options;

    /// <summary>
    /// Applies the dialect to options owned by someone else (ASP.NET Core's) and puts the wire types' generated
    /// metadata first in their resolver chain; what follows in the chain (reflection, on the server) serves the rest.
    /// </summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        var dialect = HangarJsonContext.Default.Options;
        options.PropertyNamingPolicy = dialect.PropertyNamingPolicy;
        options.DictionaryKeyPolicy = dialect.DictionaryKeyPolicy;
        options.PropertyNameCaseInsensitive = dialect.PropertyNameCaseInsensitive;
        options.DefaultIgnoreCondition = dialect.DefaultIgnoreCondition;
        options.UnmappedMemberHandling = dialect.UnmappedMemberHandling;
        options.NumberHandling = dialect.NumberHandling;
        options.AllowTrailingCommas = dialect.AllowTrailingCommas;
        options.ReadCommentHandling = dialect.ReadCommentHandling;
        options.MaxDepth = dialect.MaxDepth;
        options.RespectNullableAnnotations = dialect.RespectNullableAnnotations;
        options.RespectRequiredConstructorParameters = dialect.RespectRequiredConstructorParameters;
        options.TypeInfoResolverChain.Insert(0, HangarJsonContext.Default);
        return options;
    }

    /// <summary>
    /// The dialect as clients (CLI, console, agent) read answers: members a newer server added are ignored, not
    /// errors, and so are constructor parameters it no longer sends. Writing is unchanged.
    /// </summary>
    internal static JsonSerializerOptions Tolerant(JsonSerializerOptions dialect) => new(dialect)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        RespectRequiredConstructorParameters = false,
    };
}
