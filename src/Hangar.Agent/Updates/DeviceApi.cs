using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hangar.Contracts;
using Hangar.Contracts.Updates;

namespace Hangar.Agent.Updates;

/// <summary>
/// The two calls of the device protocol: the update check and the status report (docs/concepts/updates.md). What the
/// device runs travels in headers added to every request by <see cref="ReportedSoftwareHandler"/>.
/// </summary>
public sealed class DeviceApi(HttpClient http, Uri serverUrl, TimeProvider time)
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);
    private readonly Uri _update = new(WithTrailingSlash(serverUrl), "device/v1/update");
    private readonly Uri _status = new(WithTrailingSlash(serverUrl), "device/v1/update/status");

    /// <exception cref="DeviceApiException">The server answered with an error.</exception>
    /// <exception cref="HttpRequestException">The server could not be reached.</exception>
    public async Task<UpdateCheckResult> CheckAsync(string? etag, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(RequestTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var request = new HttpRequestMessage(HttpMethod.Get, _update);
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        using var response = await http.SendAsync(request, linked.Token);
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            return new UpdateCheckResult(null, etag, NotModified: true);
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new DeviceApiException($"update check answered {await DescribeAsync(response, linked.Token)}");
        }

        var answer = await response.Content.ReadFromJsonAsync(HangarDeviceJsonContext.Tolerant.UpdateCheckResponse, linked.Token)
            ?? throw new DeviceApiException("update check answered null");
        return new UpdateCheckResult(answer, response.Headers.ETag?.ToString(), NotModified: false);
    }

    public async Task<ReportDelivery> SendAsync(UpdateStatusRequest report, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(RequestTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var content = JsonContent.Create(report, HangarDeviceJsonContext.Tolerant.UpdateStatusRequest);
            using var response = await http.PostAsync(_status, content, linked.Token);
            if (response.IsSuccessStatusCode)
            {
                return new ReportDelivery(ReportDeliveryKind.Delivered, null, $"{(int)response.StatusCode}");
            }

            var (code, description, detail) = await ReadProblemAsync(response, linked.Token);
            // Throttled, overloaded or not (yet) accepting this device's identity: the same report may succeed later.
            var retry = response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
                or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden || (int)response.StatusCode >= 500;
            return new ReportDelivery(retry ? ReportDeliveryKind.RetryLater : ReportDeliveryKind.Refused, code, description, detail);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new ReportDelivery(ReportDeliveryKind.RetryLater, null, exception.Message);
        }
    }

    private static async Task<string> DescribeAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        (await ReadProblemAsync(response, cancellationToken)).Description;

    private static async Task<(string? Code, string Description, string? Detail)> ReadProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = $"{(int)response.StatusCode} {response.ReasonPhrase}";
        if (response.Content.Headers.ContentType?.MediaType is not ("application/problem+json" or "application/json"))
        {
            return (null, status, null);
        }

        try
        {
            var problem = await response.Content.ReadFromJsonAsync(HangarDeviceJsonContext.Tolerant.ProblemResponse, cancellationToken);
            return (problem?.Code, $"{status}: {problem?.Code} {problem?.Detail ?? problem?.Title}".TrimEnd(), problem?.Detail);
        }
        catch (JsonException)
        {
            return (null, status, null);
        }
    }

    private static Uri WithTrailingSlash(Uri url) => url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
}
