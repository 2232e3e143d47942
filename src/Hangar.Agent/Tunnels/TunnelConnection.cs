using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using Hangar.Agent.Hosting;
using Microsoft.Extensions.Logging;

namespace Hangar.Agent.Tunnels;

/// <summary>
/// One relayed TCP connection on the device: a TCP connection to 127.0.0.1:port, then a data WebSocket to
/// <c>/device/v1/tunnels/connections/{id}</c> over the agent's mutual-TLS handler, and bytes pumped both ways through
/// one 64 KiB buffer per direction (a write completes before the next read, so a slow side slows the other).
/// End of stream on either side half-closes the other; the connection ends when both directions did.
/// </summary>
public sealed class TunnelConnection(IHttpClientFactory clients, DeviceTls tls, ILogger<TunnelConnection> logger)
{
    private const int BufferBytes = 64 * 1024;

    /// <summary>Null when the connection ran; otherwise why it could not be made.</summary>
    public async Task<string?> RunAsync(Guid connectionId, int port, CancellationToken stop)
    {
        using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await tcp.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), stop);
        }
        catch (SocketException exception)
        {
            logger.LogWarning("Tunnel connection {ConnectionId}: cannot reach 127.0.0.1:{Port}: {Reason}", connectionId, port, exception.Message);
            return $"nothing answers on 127.0.0.1:{port} ({exception.SocketErrorCode})";
        }

        using var socket = new ClientWebSocket();
        using var http = clients.CreateClient(AgentServices.DeviceHttpClient);
        try
        {
            await socket.ConnectAsync(Address(tls.ServerUrl, connectionId), http, stop);
        }
        catch (Exception exception) when (exception is WebSocketException or HttpRequestException or IOException)
        {
            // Said to the server at once, so the user's connection is refused with the reason instead of waiting
            // for the data socket until Tunnels:ConnectTimeoutSeconds.
            logger.LogWarning("Tunnel connection {ConnectionId}: the data socket to the server failed: {Reason}", connectionId, exception.Message);
            return $"the agent's data connection to the server failed ({exception.Message})";
        }

        logger.LogInformation("Tunnel connection {ConnectionId} to 127.0.0.1:{Port} open", connectionId, port);
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(stop);
        await Task.WhenAll(UpAsync(tcp, socket, ending), DownAsync(socket, tcp, ending));
        if (socket.State != WebSocketState.Closed)
        {
            socket.Abort();
        }

        logger.LogInformation("Tunnel connection {ConnectionId} closed", connectionId);
        return null;
    }

    /// <summary>Device service → user.</summary>
    private static async Task UpAsync(Socket tcp, ClientWebSocket socket, CancellationTokenSource ending)
    {
        var buffer = new byte[BufferBytes];
        try
        {
            int read;
            while ((read = await tcp.ReceiveAsync(buffer, SocketFlags.None, ending.Token)) > 0)
            {
                await socket.SendAsync(buffer.AsMemory(0, read), WebSocketMessageType.Binary, endOfMessage: true, ending.Token);
            }

            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, ending.Token);
            }
        }
        catch (Exception exception) when (exception is SocketException or WebSocketException or IOException or OperationCanceledException)
        {
            await ending.CancelAsync();
        }
    }

    /// <summary>User → device service.</summary>
    private static async Task DownAsync(ClientWebSocket socket, Socket tcp, CancellationTokenSource ending)
    {
        var buffer = new byte[BufferBytes];
        try
        {
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer.AsMemory(), ending.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    tcp.Shutdown(SocketShutdown.Send);
                    return;
                }

                await tcp.SendAsync(buffer.AsMemory(0, received.Count), SocketFlags.None, ending.Token);
            }
        }
        catch (Exception exception) when (exception is SocketException or WebSocketException or IOException or OperationCanceledException)
        {
            await ending.CancelAsync();
        }
    }

    private static Uri Address(Uri server, Guid connectionId)
    {
        var baseUrl = server.AbsoluteUri.EndsWith('/') ? server : new Uri(server.AbsoluteUri + "/");
        return new UriBuilder(new Uri(baseUrl, $"device/v1/tunnels/connections/{connectionId}")) { Scheme = server.Scheme == Uri.UriSchemeHttp ? "ws" : "wss" }.Uri;
    }
}
