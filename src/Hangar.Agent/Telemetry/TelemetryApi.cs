using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hangar.Contracts;

namespace Hangar.Agent.Telemetry;

/// <summary><c>POST /device/v1/telemetry</c>: the way batches go when the control socket is not open.</summary>
internal sealed class TelemetryApi(HttpClient http, Uri serverUrl, TimeProvider time)
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);
    private readonly Uri _telemetry = new(serverUrl.AbsoluteUri.EndsWith('/') ? serverUrl : new Uri(serverUrl.AbsoluteUri + "/"), "device/v1/telemetry");

    public async Task<TelemetryDelivery> SendAsync(Contracts.Telemetry.TelemetryBatchRequest batch, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(RequestTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var content = JsonContent.Create(batch, HangarDeviceJsonContext.Default.TelemetryBatchRequest);
            using var response = await http.PostAsync(_telemetry, content, linked.Token);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return new TelemetryDelivery(TelemetryDeliveryKind.Delivered, $"{status}");
            }

            var description = $"{status} {await CodeAsync(response, linked.Token)}".TrimEnd();
            var retry = response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout
                or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden || status >= 500;
            return new TelemetryDelivery(retry ? TelemetryDeliveryKind.RetryLater : TelemetryDeliveryKind.Refused, description, RetryAfter(response));
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new TelemetryDelivery(TelemetryDeliveryKind.RetryLater, exception.Message);
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter?.Delta
        ?? (response.Headers.TryGetValues("Retry-After", out var values)
            && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                ? TimeSpan.FromSeconds(seconds) : null);

    private static async Task<string?> CodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentType?.MediaType is not ("application/problem+json" or "application/json"))
        {
            return null;
        }

        try
        {
            var problem = await response.Content.ReadFromJsonAsync(HangarDeviceJsonContext.Tolerant.ProblemResponse, cancellationToken);
            return $"{problem?.Code} {problem?.Detail}".Trim();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
