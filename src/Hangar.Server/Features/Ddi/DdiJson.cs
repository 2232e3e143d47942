using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Net.Http.Headers;

namespace Hangar.Server.Features.Ddi;

/// <summary>
/// hawkBit's JSON dialect (camelCase names given on each member, nulls left out), apart from the Admin API's, and the
/// answers DDI clients expect: <c>application/hal+json</c> bodies with a strong ETag, and 304 to a matching If-None-Match.
/// </summary>
internal static class DdiJson
{
    public const string ContentType = "application/hal+json";

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The body, tagged with its hash: a poll whose answer did not change is a 304 without a body.</summary>
    public static IResult Tagged<T>(HttpContext http, T body)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, Options);
        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 16)) + "\"";
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = "private, no-cache";
        var ifNoneMatch = http.Request.GetTypedHeaders().IfNoneMatch;
        return ifNoneMatch.Any(tag => tag.Tag.Equals(etag, StringComparison.Ordinal) || tag.Equals(EntityTagHeaderValue.Any))
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Bytes(bytes, ContentType);
    }
}
