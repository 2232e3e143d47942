using Hangar.Contracts.Common;
using Hangar.Server.Features.Identity;
using Hangar.Server.Hosting.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hangar.Server.Features.Tunnels;

/// <summary>
/// <c>GET /device/v1/tunnels/connections/{connection_id}</c>: the agent's data socket for one user connection, over
/// mutual TLS on the device listener. Only the device the connection is for can claim it; the request then lives
/// until the relay is done with its socket. It spends none of the device's request budget: every data socket answers
/// a user connection the server asked the agent for (an unknown id is refused at once), and a web UI opened through a
/// tunnel makes many connections in a burst; what bounds them is the user's side (its credential's budget and
/// <c>Tunnels:MaxConnectionsPerTunnel</c>).
/// </summary>
internal static class TunnelDeviceSocketEndpoint
{
    public static RouteGroupBuilder MapTunnelDeviceSocket(this RouteGroupBuilder device)
    {
        device.MapGet("/tunnels/connections/{connectionId:guid}", ConnectAsync).DisableRateLimiting();
        return device;
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> ConnectAsync(Guid connectionId, HttpContext http, TunnelRelay relay)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            return Problems.BadRequest(ErrorCodes.WebSocketRequired, "This route only answers a WebSocket upgrade.");
        }

        var identity = http.Features.Get<DeviceIdentity>()!;
        if (relay.Claim(connectionId, identity.DeviceId) is not { } pending)
        {
            return Problems.NotFound("Tunnel connection");
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        if (pending.DeviceSocket.TrySetResult(socket))
        {
            await pending.Finished.Task;
        }
        else
        {
            socket.Abort();
        }

        return TypedResults.Empty;
    }
}
