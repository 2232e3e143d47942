using System.Net.WebSockets;
using Hangar.Contracts.Common;
using Hangar.Contracts.Control;
using Hangar.Data;
using Hangar.Data.Tenancy;
using Hangar.Server.Features.Identity;
using Hangar.Server.Hosting.Cluster;
using Hangar.Server.Hosting.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Presence;

/// <summary>
/// <c>GET /device/v1/connect</c>: the device's control socket (a WebSocket on the device listener, authenticated like
/// every device route). Admission is rate-limited before the upgrade; once upgraded, the socket holds no request
/// scope, DbContext or database connection: it is a <see cref="ControlSession"/> and its receive loop.
/// </summary>
internal static class ControlSocketEndpoint
{
    public const string ShutdownReason = "server shutting down";

    public static RouteGroupBuilder MapControlSocket(this RouteGroupBuilder device)
    {
        device.MapGet("/connect", ConnectAsync);
        return device;
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> ConnectAsync(
        HttpContext http, SocketAdmission admission, IServiceScopeFactory scopes, ControlSessions sessions, PresenceWriter writer, ControlSocketPump pump,
        CommandRelay relay, ClusterNode node, IHostApplicationLifetime lifetime, TimeProvider time, IOptions<PresenceOptions> options, CancellationToken cancellationToken)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            return Problems.BadRequest(ErrorCodes.WebSocketRequired, "This route only answers a WebSocket upgrade.");
        }

        if (!admission.TryAdmit(out var retryAfter))
        {
            http.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Problems.Create(StatusCodes.Status503ServiceUnavailable, ErrorCodes.ControlSocketBusy, "Too many control sockets opening",
                "This server admits only so many control sockets per second; retry after the Retry-After delay.");
        }

        var identity = http.Features.Get<DeviceIdentity>()!;
        var device = await FindAsync(scopes, identity.DeviceId, cancellationToken);
        if (device is null)
        {
            return Problems.NotFound("Device");
        }

        if (device.Quarantined)
        {
            return Problems.Forbidden(ErrorCodes.DeviceQuarantined, "A quarantined device gets no control socket.");
        }

        var settings = options.Value;
        await using var restore = await RequestScopeRelease.ReleaseAsync(http, scopes);
        using var socket = await http.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            KeepAliveInterval = TimeSpan.FromSeconds(settings.KeepAliveSeconds),
            KeepAliveTimeout = TimeSpan.FromSeconds(settings.KeepAliveTimeoutSeconds),
        });
        var session = new ControlSession(socket, identity.DeviceId, identity.OrganizationId, device.Identifier, time.GetUtcNow().UtcDateTime,
            http.Connection.RemoteIpAddress?.ToString(), time);
        sessions.Add(session);
        writer.Connected(session);
        _ = relay.ConnectedAsync(session.DeviceId, CancellationToken.None);
        using var stopping = lifetime.ApplicationStopping.Register(() => session.End(WebSocketCloseStatus.EndpointUnavailable, ShutdownReason));
        try
        {
            await session.SendAsync(new ControlFrame(ControlFrameTypes.Hello, Message: node.Name), CancellationToken.None);
            await pump.RunAsync(session);
        }
        finally
        {
            await session.ClosingAsync();
            // A replaced session leaves presence to its successor; a shutdown leaves the claim to expire (PresenceWriter).
            if (sessions.Remove(session) && !lifetime.ApplicationStopping.IsCancellationRequested)
            {
                writer.Disconnected(session, time.GetUtcNow().UtcDateTime);
            }
        }

        return TypedResults.Empty;
    }

    private static async Task<DeviceAtConnect?> FindAsync(IServiceScopeFactory scopes, Guid deviceId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
        // Before any tenant is set for this scope: the device's own row, whichever organization.
        return await db.Devices.IgnoreQueryFilters([TenantFilter.Name]).AsNoTracking().Where(d => d.Id == deviceId)
            .Select(d => new DeviceAtConnect(d.Identifier, d.Quarantined)).SingleOrDefaultAsync(cancellationToken);
    }

    private sealed record DeviceAtConnect(string Identifier, bool Quarantined);
}
