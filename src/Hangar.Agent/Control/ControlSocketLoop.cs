using System.Globalization;
using System.Net;
using System.Net.WebSockets;
using Hangar.Agent.Configuration;
using Hangar.Agent.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hangar.Agent.Control;

/// <summary>
/// Keeps the control socket open: connects over the agent's mutual-TLS handler, runs a <see cref="ControlChannel"/>
/// until the socket ends, and reconnects with exponential backoff and full jitter (a server restart drops every
/// device at once; full jitter spreads their return). A 503 from the server's admission limit is honoured: the agent
/// waits at least its Retry-After.
/// </summary>
public sealed class ControlSocketLoop(AgentConfig config, IHttpClientFactory clients, DeviceTls tls, ControlChannel channel, TimeProvider time,
    ILogger<ControlSocketLoop> logger) : BackgroundService
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.ControlSocket.Enabled)
        {
            logger.LogInformation("Control socket disabled");
            return;
        }

        var address = Address(tls.ServerUrl);
        var maxBackoff = TimeSpan.FromSeconds(config.ControlSocket.MaxBackoffSeconds);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var notBefore = TimeSpan.Zero;
            using (var socket = new ClientWebSocket())
            {
                socket.Options.CollectHttpResponseDetails = true;
                socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(30);
                try
                {
                    using var http = clients.CreateClient(AgentServices.DeviceHttpClient);
                    await socket.ConnectAsync(address, http, stoppingToken);
                    failures = 0;
                    logger.LogInformation("Control socket open");
                    await channel.RunAsync(socket, stoppingToken);
                    logger.LogInformation("Control socket closed: {Status} {Reason}", socket.CloseStatus, socket.CloseStatusDescription);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested
                    && exception is WebSocketException or HttpRequestException or IOException or OperationCanceledException)
                {
                    notBefore = RetryAfter(socket);
                    logger.LogWarning("Control socket failed ({Status}): {Reason}", socket.HttpStatusCode, exception.Message);
                }
            }

            failures++;
            var delay = Backoff(failures, maxBackoff, Random.Shared);
            await Task.Delay(notBefore > delay ? notBefore + delay : delay, time, stoppingToken);
        }
    }

    /// <summary>Full jitter: anywhere between zero and the exponential bound.</summary>
    internal static TimeSpan Backoff(int failures, TimeSpan max, Random random)
    {
        var bound = Math.Min(max.TotalMilliseconds, FirstRetry.TotalMilliseconds * Math.Pow(2, Math.Min(failures - 1, 30)));
        return TimeSpan.FromMilliseconds(random.NextDouble() * bound);
    }

    private static TimeSpan RetryAfter(ClientWebSocket socket) =>
        socket.HttpStatusCode == HttpStatusCode.ServiceUnavailable
        && socket.HttpResponseHeaders?.TryGetValue("Retry-After", out var values) == true
        && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.Zero;

    private static Uri Address(Uri server)
    {
        var baseUrl = server.AbsoluteUri.EndsWith('/') ? server : new Uri(server.AbsoluteUri + "/");
        return new UriBuilder(new Uri(baseUrl, "device/v1/connect")) { Scheme = server.Scheme == Uri.UriSchemeHttp ? "ws" : "wss" }.Uri;
    }
}
