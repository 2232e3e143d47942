using System.Net.WebSockets;

namespace Hangar.Cli.Tunnels;

/// <summary>Opens one TCP connection through a tunnel: a WebSocket to <c>/api/v1/tunnels/{id}/connect</c>, by API key or tunnel token.</summary>
internal static class TunnelSocket
{
    public static async Task<ClientWebSocket> ConnectAsync(Uri server, Guid tunnelId, string? apiKey, string? token, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(30);
        if (!string.IsNullOrEmpty(token))
        {
            socket.Options.SetRequestHeader("Hangar-Tunnel-Token", token);
        }
        else if (!string.IsNullOrEmpty(apiKey))
        {
            socket.Options.SetRequestHeader("Authorization", "Bearer " + apiKey);
        }

        var baseUrl = server.AbsoluteUri.EndsWith('/') ? server : new Uri(server.AbsoluteUri + "/");
        var address = new UriBuilder(new Uri(baseUrl, $"api/v1/tunnels/{tunnelId}/connect")) { Scheme = server.Scheme == Uri.UriSchemeHttp ? "ws" : "wss" }.Uri;
        try
        {
            await socket.ConnectAsync(address, cancellationToken);
            return socket;
        }
        catch (WebSocketException exception)
        {
            var status = socket.HttpStatusCode;
            socket.Dispose();
            throw new CommandException(ExitCodes.UnexpectedError,
                $"Could not connect through tunnel {tunnelId}: the server answered {(int)status} ({exception.Message}).");
        }
    }
}
