using System.Net.WebSockets;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Hangar.Contracts;
using Hangar.Contracts.Control;
using Hangar.Testing;
using Hangar.Testing.Pki;

namespace Hangar.Server.Tests.Presence;

/// <summary>A device's control socket as a test drives it: a real WebSocket over mutual TLS to the device listener.</summary>
internal sealed class DeviceSocket(ClientWebSocket socket, HttpClient http) : IAsyncDisposable
{
    public ClientWebSocket Socket => socket;

    public static async Task<DeviceSocket> ConnectAsync(HangarTestServer server, X509Certificate2 leaf, CancellationToken cancellationToken)
    {
        var (socket, http) = Create(server, leaf);
        await socket.ConnectAsync(Address(server), http, cancellationToken);
        return new DeviceSocket(socket, http);
    }

    /// <summary>The upgrade's outcome without throwing: the status and headers of a refused upgrade.</summary>
    public static async Task<ClientWebSocket> TryConnectAsync(HangarTestServer server, X509Certificate2 leaf, CancellationToken cancellationToken)
    {
        var (socket, http) = Create(server, leaf);
        using (http)
        {
            try
            {
                await socket.ConnectAsync(Address(server), http, cancellationToken);
            }
            catch (WebSocketException)
            {
                // The refusal is in HttpStatusCode and HttpResponseHeaders.
            }
        }

        return socket;
    }

    public async Task<ControlFrame> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        var result = await socket.ReceiveAsync(buffer, cancellationToken);
        Assert.Equal(WebSocketMessageType.Text, result.MessageType);
        Assert.True(result.EndOfMessage);
        return JsonSerializer.Deserialize(buffer.AsSpan(0, result.Count), HangarDeviceJsonContext.Default.ControlFrame)!;
    }

    /// <summary>Reads until the server's close frame; returns its status and description.</summary>
    public async Task<(WebSocketCloseStatus? Status, string? Description)> ReceiveCloseAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return (socket.CloseStatus, socket.CloseStatusDescription);
            }
        }
    }

    public Task SendTextAsync(string json, CancellationToken cancellationToken) =>
        socket.SendAsync(System.Text.Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, cancellationToken);

    public Task CloseAsync(CancellationToken cancellationToken) =>
        socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", cancellationToken);

    public async ValueTask DisposeAsync()
    {
        socket.Dispose();
        http.Dispose();
        await Task.CompletedTask;
    }

    private static (ClientWebSocket Socket, HttpClient Http) Create(HangarTestServer server, X509Certificate2 leaf)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        return (socket, DeviceHttp.Create(server, leaf));
    }

    private static Uri Address(HangarTestServer server) =>
        new UriBuilder(new Uri(server.DeviceBaseAddress, "device/v1/connect")) { Scheme = "wss" }.Uri;
}
