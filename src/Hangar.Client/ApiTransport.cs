using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Hangar.Contracts;
using Hangar.Contracts.Common;

namespace Hangar.Client;

/// <summary>JSON over HTTP with Hangar's conventions; every non-success answer becomes a <see cref="HangarApiException"/>.</summary>
public sealed class ApiTransport(HttpClient http)
{
    /// <summary>
    /// The wire types' generated metadata (no reflection: the client runs trimmed, in WebAssembly). Responses may carry
    /// fields this client does not know yet (a newer server); they are ignored, not errors.
    /// </summary>
    public static JsonSerializerOptions JsonOptions => HangarJsonContext.Tolerant.Options;

    public HttpClient Http { get; } = http;

    public Task<T> GetAsync<T>(string path, CancellationToken cancellationToken) =>
        SendAsync<T>(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);

    public Task<T> PostAsync<T>(string path, object? body, RequestOptions? options, CancellationToken cancellationToken) =>
        SendAsync<T>(WithBody(HttpMethod.Post, path, body, options), cancellationToken);

    public Task PostAsync(string path, object? body, CancellationToken cancellationToken) =>
        SendAsync<object?>(WithBody(HttpMethod.Post, path, body, null), cancellationToken);

    public Task<T> PatchAsync<T>(string path, object body, CancellationToken cancellationToken) =>
        SendAsync<T>(WithBody(HttpMethod.Patch, path, body, null), cancellationToken);

    public Task<T> PutAsync<T>(string path, object body, CancellationToken cancellationToken) =>
        SendAsync<T>(WithBody(HttpMethod.Put, path, body, null), cancellationToken);

    public Task PutAsync(string path, object body, CancellationToken cancellationToken) =>
        SendAsync<object?>(WithBody(HttpMethod.Put, path, body, null), cancellationToken);

    public Task DeleteAsync(string path, CancellationToken cancellationToken) =>
        SendAsync<object?>(new HttpRequestMessage(HttpMethod.Delete, path), cancellationToken);

    public static string Segment(string idOrHrn) => Uri.EscapeDataString(idOrHrn);

    private static HttpRequestMessage WithBody(HttpMethod method, string path, object? body, RequestOptions? options)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, TypeInfo(body.GetType()));
        }

        if (options?.IdempotencyKey is { } key)
        {
            request.Headers.Add(HangarHeaders.IdempotencyKey, key);
        }

        return request;
    }

    /// <summary>Sends a request built by the caller (e.g. a raw part upload) with the same error handling as every other call.</summary>
    public async Task<T> SendAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            using var response = await Http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw await ErrorAsync(response, cancellationToken);
            }

            if (response.StatusCode == HttpStatusCode.NoContent || typeof(T) == typeof(object))
            {
                return default!;
            }

            return await response.Content.ReadFromJsonAsync((JsonTypeInfo<T>)TypeInfo(typeof(T)), cancellationToken)
                ?? throw new HangarApiException(response.StatusCode, null);
        }
    }

    /// <summary>Throws the <see cref="HangarApiException"/> an error answer stands for; for callers reading non-JSON bodies.</summary>
    public static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw await ErrorAsync(response, cancellationToken);
        }
    }

    internal static async Task<HangarApiException> ErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ProblemResponse? problem = null;
        try
        {
            problem = await response.Content.ReadFromJsonAsync(HangarJsonContext.Tolerant.ProblemResponse, cancellationToken);
        }
        catch (JsonException)
        {
            // Not a ProblemDetails body (a proxy's error page, say): the status code alone must do.
        }

        TimeSpan? retryAfter = response.Headers.RetryAfter?.Delta
            ?? (int.TryParse(response.Headers.RetryAfter?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? TimeSpan.FromSeconds(seconds) : null);
        return new HangarApiException(response.StatusCode, problem, retryAfter);
    }

    /// <summary>The generated metadata of a wire type; a type missing from <see cref="HangarJsonContext"/> is a bug here, not the server's.</summary>
    internal static JsonTypeInfo TypeInfo(Type type) =>
        HangarJsonContext.Tolerant.GetTypeInfo(type) ?? throw new NotSupportedException($"{type} is not in {nameof(HangarJsonContext)}; add it there");
}
