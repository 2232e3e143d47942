using System.Net.WebSockets;
using System.Security.Cryptography.X509Certificates;
using Hangar.Testing;
using Hangar.Testing.Pki;

namespace Hangar.Server.Tests.Tunnels;

/// <summary>The two ends a test drives by hand: the user's WebSocket on the admin listener and the agent's data socket on the device listener.</summary>
internal static class TunnelPeers
{
    /// <summary>The user side with a token (or an API key as bearer); the refused upgrade's status when it is refused.</summary>
    public static async Task<(ClientWebSocket Socket, int Status)> UserAsync(HangarTestServer server, Guid tunnelId, string? token, string? apiKey,
        CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (token is not null)
        {
            socket.Options.SetRequestHeader("Hangar-Tunnel-Token", token);
        }

        if (apiKey is not null)
        {
            socket.Options.SetRequestHeader("Authorization", "Bearer " + apiKey);
        }

        var address = new UriBuilder(new Uri(server.AdminBaseAddress, $"api/v1/tunnels/{tunnelId}/connect")) { Scheme = "ws" }.Uri;
        try
        {
            await socket.ConnectAsync(address, cancellationToken);
        }
        catch (WebSocketException)
        {
            // The refusal is in HttpStatusCode.
        }

        return (socket, (int)socket.HttpStatusCode);
    }

    public static async Task<(ClientWebSocket Socket, HttpClient Http)> DeviceAsync(HangarTestServer server, X509Certificate2 leaf, Guid connectionId,
        CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        var http = DeviceHttp.Create(server, leaf);
        var address = new UriBuilder(new Uri(server.DeviceBaseAddress, $"device/v1/tunnels/connections/{connectionId}")) { Scheme = "wss" }.Uri;
        await socket.ConnectAsync(address, http, cancellationToken);
        return (socket, http);
    }

    public static async Task<byte[]> ReceiveAsync(WebSocket socket, int count, CancellationToken cancellationToken)
    {
        var received = new List<byte>();
        var buffer = new byte[64 * 1024];
        while (received.Count < count)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            Assert.Equal(WebSocketMessageType.Binary, result.MessageType);
            received.AddRange(buffer.AsSpan(0, result.Count));
        }

        return [.. received];
    }
}
