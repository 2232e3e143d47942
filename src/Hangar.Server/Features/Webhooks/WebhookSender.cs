using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Webhooks;

/// <summary>
/// Makes one signed delivery attempt (Standard Webhooks headers), bounded in time and in how much of the answer it
/// reads. The HTTP client behind it never follows redirects and connects only through <see cref="WebhookConnector"/>.
/// </summary>
internal sealed class WebhookSender(IHttpClientFactory clients, TimeProvider time, IOptions<WebhooksOptions> options, ILogger<WebhookSender> logger)
{
    public const string HttpClientName = "webhooks";

    /// <summary>Throws <see cref="OperationCanceledException"/> only when <paramref name="stopping"/> fires; then nothing is known.</summary>
    public async Task<WebhookAttemptResult> SendAsync(string url, Guid messageId, string payload, IReadOnlyList<string> secrets, CancellationToken stopping)
    {
        var settings = options.Value;
        var startedAt = time.GetUtcNow();
        var started = time.GetTimestamp();
        var id = messageId.ToString("D");
        var timestamp = startedAt.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSignature.Header(secrets, id, timestamp, payload));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(settings.TimeoutSeconds), time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, timeout.Token);
        int? status = null;
        string? error;
        TimeSpan? retryAfter = null;
        var addressRefused = false;
        try
        {
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            status = (int)response.StatusCode;
            retryAfter = RetryAfter(response, startedAt);
            await DrainAsync(response, settings.MaxResponseBytes, linked.Token);
            error = status is >= 300 and < 400 ? $"redirect ({status}) not followed"
                : status is >= 200 and < 300 ? null
                : $"the endpoint answered {status}";
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            error = $"no response within {settings.TimeoutSeconds} s";
        }
        catch (HttpRequestException exception)
        {
            error = Describe(exception);
            addressRefused = exception.InnerException is WebhookAddressRefusedException;
        }

        var elapsed = (int)Math.Min(time.GetElapsedTime(started).TotalMilliseconds, int.MaxValue);
        // The host only: a webhook URL's path and query may be its secret. An attempt that failed is the receiver's
        // problem, not a bug here, so it is one line without a stack trace.
        logger.LogInformation("Webhook delivery {MessageId} to {Host}: {Outcome} in {ElapsedMilliseconds} ms",
            id, HostOf(request.RequestUri!), error ?? $"answered {status}", elapsed);
        return new WebhookAttemptResult(startedAt.UtcDateTime, status, error, elapsed, retryAfter, addressRefused);
    }

    private static string HostOf(Uri url) => url.IsDefaultPort ? url.Host : $"{url.Host}:{url.Port}";

    // Read (and drop) at most the cap, so the connection can be reused for small answers; a huge answer is cut off.
    private static async Task DrainAsync(HttpResponseMessage response, int maxBytes, CancellationToken cancellationToken)
    {
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[Math.Min(16 * 1024, Math.Max(maxBytes, 1))];
            var left = maxBytes;
            int read;
            while (left > 0 && (read = await body.ReadAsync(buffer.AsMemory(0, Math.Min(buffer.Length, left)), cancellationToken)) > 0)
            {
                left -= read;
            }
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException)
        {
            // The status already decided the outcome; a broken body does not change it.
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - now > TimeSpan.Zero ? date - now : null,
            _ => null,
        };

    private static string Describe(HttpRequestException exception)
    {
        for (Exception? inner = exception; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case WebhookAddressRefusedException refused:
                    return Truncate(refused.Message);
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused }:
                    return "connection refused";
                case SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain }:
                    return "host not found";
            }
        }

        return Truncate($"request failed ({exception.HttpRequestError})");
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300];
}
