using System.Net.WebSockets;
using Hangar.Contracts.Common;
using Hangar.Contracts.Control;
using Hangar.Contracts.Tunnels;
using Hangar.Core.Access;
using Hangar.Data;
using Hangar.Data.Tenancy;
using Hangar.Data.Tunnels;
using Hangar.Server.Hosting.Authentication;
using Hangar.Server.Hosting.Authorization;
using Hangar.Server.Hosting.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Tunnels;

/// <summary>
/// <c>GET /api/v1/tunnels/{id}/connect</c>: one TCP connection through the tunnel, as a WebSocket on the admin
/// listener. The caller is an API key or session with TunnelManage in the tunnel's organization, or the tunnel's own
/// token in the <c>Hangar-Tunnel-Token</c> header; either way from an address in the CIDR allow-list. The server
/// asks the agent for a data socket and upgrades only once it arrived, so a refused device port is an HTTP answer.
/// </summary>
internal static class TunnelUserSocketEndpoint
{
    public static RouteGroupBuilder MapTunnelUserSocket(this RouteGroupBuilder tunnels)
    {
        // Anonymous to the route table: the handler authenticates, since a tunnel token is no API caller.
        tunnels.MapGet("/{id}/connect", ConnectAsync).Anonymous()
            .WithSummary("Connect through a tunnel (WebSocket)")
            .WithDescription("A WebSocket carrying one TCP connection to the device port as binary messages. Authenticated by an API key or session with TunnelManage, or by the tunnel's token in the `Hangar-Tunnel-Token` header. 409 `tunnel_closed` / `tunnel_not_open`, 403 `tunnel_address_refused` outside the CIDR allow-list, 502 `tunnel_device_unreachable` when the agent cannot connect.");
        return tunnels;
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> ConnectAsync(
        string id, HttpContext http, HangarDbContext db, TunnelRelay relay, TunnelFrames frames, TunnelPump pump,
        IOptions<TunnelsOptions> options, TimeProvider time, ILogger<TunnelRelay> logger, CancellationToken cancellationToken)
    {
        // Only the tunnel's id: a token names no organization to resolve a resource name in.
        var tunnel = Guid.TryParse(id, out var tunnelId)
            ? await db.Tunnels.IgnoreQueryFilters([TenantFilter.Name]).AsNoTracking().SingleOrDefaultAsync(t => t.Id == tunnelId, cancellationToken)
            : null;
        if (Refusal(http, tunnel) is { } refused)
        {
            return refused;
        }

        if (!http.WebSockets.IsWebSocketRequest)
        {
            return Problems.BadRequest(ErrorCodes.WebSocketRequired, "This route only answers a WebSocket upgrade.");
        }

        if (tunnel!.State == TunnelState.Closed || tunnel.ExpiresAt <= time.GetUtcNow().UtcDateTime)
        {
            return Problems.Conflict(ErrorCodes.TunnelClosed, $"The tunnel is closed ({tunnel.CloseReason ?? TunnelCloseReasons.Ttl}).");
        }

        if (tunnel.State != TunnelState.Open)
        {
            return Problems.Conflict(ErrorCodes.TunnelNotOpen, "The agent has not accepted the tunnel yet.");
        }

        // Behind a trusted proxy, the address it forwarded (Server:TrustedProxies, docs/adr/0015-client-address.md).
        if (!CidrAllowlist.Allows(tunnel.CidrAllowlist, http.Connection.RemoteIpAddress))
        {
            return Problems.Forbidden(ErrorCodes.TunnelAddressRefused, $"Address {http.Connection.RemoteIpAddress} is not in the tunnel's CIDR allow-list.");
        }

        var settings = options.Value;
        var pending = relay.Expect(tunnel.Id, tunnel.DeviceId);
        using var stop = new CancellationTokenSource();
        if (!relay.TryTrack(tunnel.Id, pending.ConnectionId, stop, settings.MaxConnectionsPerTunnel))
        {
            relay.Forget(pending);
            return Problems.Create(StatusCodes.Status429TooManyRequests, ErrorCodes.TunnelDeviceUnreachable, "Too many connections",
                $"A tunnel carries at most {settings.MaxConnectionsPerTunnel} connections at once.");
        }

        try
        {
            var online = await db.Devices.IgnoreQueryFilters([TenantFilter.Name]).AnyAsync(d => d.Id == tunnel.DeviceId && d.Online, cancellationToken);
            var data = new TunnelOpenData(tunnel.Id, tunnel.DevicePort, pending.ConnectionId);
            if (!await frames.SendAsync(tunnel.DeviceId, ControlFrameTypes.TunnelConnect, pending.ConnectionId, data, online, cancellationToken))
            {
                return Problems.Conflict(ErrorCodes.DeviceOffline, "The device has no control socket open.");
            }

            WebSocket device;
            try
            {
                device = await pending.DeviceSocket.Task.WaitAsync(TimeSpan.FromSeconds(settings.ConnectTimeoutSeconds), time, cancellationToken);
            }
            catch (Exception exception) when (exception is TimeoutException or TunnelConnectRefusedException)
            {
                return Problems.Create(StatusCodes.Status502BadGateway, ErrorCodes.TunnelDeviceUnreachable, "Device port unreachable",
                    exception is TimeoutException ? "The agent did not open its data socket in time." : exception.Message);
            }

            using var user = await http.WebSockets.AcceptWebSocketAsync();
            var (toDevice, fromDevice) = await pump.RunAsync(user, device, stop.Token);
            await db.Tunnels.IgnoreQueryFilters([TenantFilter.Name]).Where(t => t.Id == tunnel.Id).ExecuteUpdateAsync(u => u
                .SetProperty(t => t.BytesToDevice, t => t.BytesToDevice + toDevice)
                .SetProperty(t => t.BytesFromDevice, t => t.BytesFromDevice + fromDevice), CancellationToken.None);
            logger.LogDebug("Tunnel {TunnelId} connection {ConnectionId} ended: {ToDevice} bytes up, {FromDevice} down", tunnel.Id, pending.ConnectionId, toDevice, fromDevice);
            return TypedResults.Empty;
        }
        finally
        {
            relay.Forget(pending);
            relay.Untrack(tunnel.Id, pending.ConnectionId);
            pending.Finished.TrySetResult();
        }
    }

    private static ProblemHttpResult? Refusal(HttpContext http, Tunnel? tunnel)
    {
        var token = http.Request.Headers[TunnelTokens.Header].ToString();
        var caller = http.GetCaller();
        if (tunnel is null || (token.Length == 0 && caller is not null && caller.OrganizationId != tunnel.OrganizationId))
        {
            return Problems.NotFound("Tunnel");
        }

        if (token.Length > 0)
        {
            // A token names one tunnel: another tunnel's (or a rotated-out) token is no credential here.
            return TunnelTokens.Matches(token, tunnel.TokenHash)
                ? null
                : Problems.Create(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthenticated, "Unauthenticated", "The tunnel token is not this tunnel's.");
        }

        if (caller is null)
        {
            return Problems.Create(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthenticated, "Unauthenticated",
                "Present an API key, a session, or the tunnel's token in the Hangar-Tunnel-Token header.");
        }

        return PermissionMatrix.Allows(caller.Role, Permission.TunnelManage)
            ? null
            : Problems.Forbidden(ErrorCodes.Forbidden, "Connecting through a tunnel needs the TunnelManage permission.");
    }
}
