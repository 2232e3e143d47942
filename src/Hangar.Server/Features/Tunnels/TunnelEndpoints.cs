using Hangar.Contracts.Common;
using Hangar.Contracts.Control;
using Hangar.Contracts.Tunnels;
using Hangar.Core.Access;
using Hangar.Core.Events;
using Hangar.Core.Resources;
using Hangar.Data;
using Hangar.Data.Tunnels;
using Hangar.Server.Features.Audit;
using Hangar.Server.Features.Events;
using Hangar.Server.Features.Presence;
using Hangar.Server.Hosting.Authentication;
using Hangar.Server.Hosting.Authorization;
using Hangar.Server.Hosting.Http;
using Hangar.Server.Hosting.Lists;
using Hangar.Server.Hosting.Problems;
using Hangar.Server.Hosting.References;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Tunnels;

/// <summary>The tunnel resource: create (the agent is asked at once), list, get, extend, close and rotate its token.</summary>
internal static class TunnelEndpoints
{
    private static readonly SearchFields<Tunnel> Search = new SearchFields<Tunnel>()
        .Uuid("device_id", t => t.DeviceId)
        .Number("device_port", t => t.DevicePort)
        .Enum("state", t => t.State)
        .String("close_reason", t => t.CloseReason)
        .DateTime("created_at", t => t.CreatedAt)
        .DateTime("expires_at", t => t.ExpiresAt)
        .DateTime("closed_at", t => t.ClosedAt);

    public static RouteGroupBuilder MapTunnels(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/tunnels").WithTags("Tunnels");
        group.MapGet("", ListAsync).Requires(Permission.DeviceRead)
            .WithSummary("List tunnels").WithDescription("Search fields: device_id, device_port, state, close_reason, created_at, expires_at, closed_at.");
        group.MapGet("/{id}", GetAsync).Requires(Permission.DeviceRead).WithSummary("Get a tunnel");
        group.MapPost("", CreateAsync).Requires(Permission.TunnelManage).Audited("tunnel.create").CarriesSecret()
            .WithSummary("Open a tunnel to a device port")
            .WithDescription("Answers at once with the tunnel `requested` and its single-tunnel token (returned only here and by rotate_token); it turns `open` when the agent accepts the port, or `closed` (refused_port, tunnels_disabled). 409 `device_offline` when no node holds the device's control socket.");
        group.MapPost("/{id}/extend", ExtendAsync).Requires(Permission.TunnelManage).Audited("tunnel.extend")
            .WithSummary("Extend a tunnel").WithDescription("Sets its expiry to now + ttl_seconds; 422 `tunnel_lifetime_exceeded` past Tunnels:MaxLifetimeSeconds from its creation.");
        group.MapPost("/{id}/close", CloseAsync).Requires(Permission.TunnelManage).Audited("tunnel.close")
            .WithSummary("Close a tunnel").WithDescription("Ends its connections and tells the agent; the token dies with it.");
        group.MapPost("/{id}/rotate_token", RotateTokenAsync).Requires(Permission.TunnelManage).Audited("tunnel.rotate_token").CarriesSecret()
            .WithSummary("Rotate a tunnel's token").WithDescription("The old token stops working at once; the tunnel's expiry does not change.");
        group.MapTunnelUserSocket();
        return api;
    }

    private static async Task<Results<Ok<ListResponse<TunnelResponse>>, ProblemHttpResult>> ListAsync(
        [AsParameters] ListRequest request, HangarDbContext db, CancellationToken cancellationToken)
    {
        if (!ListQueries.TryPrepare(request, Search, out var spec, out var problem))
        {
            return problem!;
        }

        var page = await db.Tunnels.AsNoTracking().ToPageAsync(spec, Search, t => t.Id, t => t, cancellationToken);
        var deviceIds = page.Data.Select(t => t.DeviceId).Distinct().ToList();
        var identifiers = await db.Devices.Where(d => deviceIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Identifier, cancellationToken);
        return TypedResults.Ok(new ListResponse<TunnelResponse>(
            [.. page.Data.Select(t => t.ToResponse(identifiers.GetValueOrDefault(t.DeviceId, "")))], page.NextPage));
    }

    private static async Task<Results<Ok<TunnelResponse>, ProblemHttpResult>> GetAsync(string id, HttpContext http, HangarDbContext db, CancellationToken cancellationToken)
    {
        var tunnel = await FindAsync(id, http, db, cancellationToken);
        return tunnel is null ? Problems.NotFound("Tunnel") : TypedResults.Ok(await ResponseAsync(tunnel, db, cancellationToken));
    }

    private static async Task<Results<Created<TunnelTokenResponse>, ProblemHttpResult>> CreateAsync(
        CreateTunnelRequest request, HttpContext http, HangarDbContext db, AuditScope audit, EventRecorder events, TunnelFrames frames,
        ControlSessions sessions, IOptions<TunnelsOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var ttl = request.TtlSeconds ?? settings.DefaultTtlSeconds;
        if (request.DevicePort is < 1 or > 65_535)
        {
            return Problems.Validation("device_port", "Must be a TCP port, 1 to 65535.");
        }

        if (ttl < 60 || ttl > settings.MaxTtlSeconds)
        {
            return Problems.Validation("ttl_seconds", $"Must be 60 to {settings.MaxTtlSeconds} (Tunnels:MaxTtlSeconds).");
        }

        if (!CidrAllowlist.TryParse(request.CidrAllowlist, out var allowlist, out var error))
        {
            return Problems.Validation("cidr_allowlist", error!);
        }

        var caller = http.RequireCaller();
        var device = await db.Devices.AsNoTracking().FindByReferenceAsync(db, ReferenceRules.Device, request.Device, caller.OrganizationId, cancellationToken);
        if (device is null)
        {
            return Problems.NotFound("Device");
        }

        if (device.Quarantined)
        {
            return Problems.Forbidden(ErrorCodes.DeviceQuarantined, "A quarantined device gets no tunnel.");
        }

        var onlineElsewhere = device is { Online: true, PresenceNode: not null };
        if (sessions.Find(device.Id) is null && !onlineElsewhere)
        {
            return Problems.Conflict(ErrorCodes.DeviceOffline, $"Device '{device.Identifier}' has no control socket open; no tunnel was requested.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var token = TunnelTokens.New();
        var tunnel = new Tunnel
        {
            Id = Guid.CreateVersion7(now),
            OrganizationId = caller.OrganizationId,
            DeviceId = device.Id,
            DevicePort = request.DevicePort,
            CidrAllowlist = allowlist,
            State = TunnelState.Requested,
            TokenHash = TunnelTokens.Hash(token),
            CreatedByUserId = caller.UserId,
            CreatedAt = now,
            ExpiresAt = now.AddSeconds(ttl),
            UpdatedAt = now,
        };
        db.Tunnels.Add(tunnel);
        audit.Resource(ResourceTypes.Tunnel, tunnel.Id);
        events.Record(EventTypes.TunnelRequested, ResourceTypes.Tunnel, tunnel.Id, new TunnelEventData(device.Id, tunnel.DevicePort, tunnel.ExpiresAt));
        await db.SaveChangesAsync(cancellationToken);
        if (!await frames.SendAsync(device.Id, ControlFrameTypes.TunnelOpen, tunnel.Id, new TunnelOpenData(tunnel.Id, tunnel.DevicePort), onlineElsewhere, cancellationToken))
        {
            TunnelLifecycle.MarkClosed(tunnel, TunnelCloseReasons.DeviceOffline, "the control socket closed before the request was written", now, events);
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.Created($"/api/v1/tunnels/{tunnel.Id}", new TunnelTokenResponse(tunnel.ToResponse(device.Identifier), token));
    }

    private static async Task<Results<Ok<TunnelResponse>, ProblemHttpResult>> ExtendAsync(
        string id, ExtendTunnelRequest request, HttpContext http, HangarDbContext db, AuditScope audit, EventRecorder events,
        IOptions<TunnelsOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var tunnel = await FindAsync(id, http, db, cancellationToken);
        if (tunnel is null)
        {
            return Problems.NotFound("Tunnel");
        }

        audit.Resource(ResourceTypes.Tunnel, tunnel.Id);
        var settings = options.Value;
        if (request.TtlSeconds < 60 || request.TtlSeconds > settings.MaxTtlSeconds)
        {
            return Problems.Validation("ttl_seconds", $"Must be 60 to {settings.MaxTtlSeconds} (Tunnels:MaxTtlSeconds).");
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (tunnel.State == TunnelState.Closed || tunnel.ExpiresAt <= now)
        {
            return Problems.Conflict(ErrorCodes.TunnelClosed, "A closed tunnel cannot be extended; open a new one.");
        }

        var expiresAt = now.AddSeconds(request.TtlSeconds);
        if (expiresAt > tunnel.CreatedAt.AddSeconds(settings.MaxLifetimeSeconds))
        {
            return Problems.Create(StatusCodes.Status422UnprocessableEntity, ErrorCodes.TunnelLifetimeExceeded, "Tunnel lifetime exceeded",
                $"A tunnel lives at most {settings.MaxLifetimeSeconds} s from its creation (Tunnels:MaxLifetimeSeconds); it could run until {tunnel.CreatedAt.AddSeconds(settings.MaxLifetimeSeconds):O}.");
        }

        tunnel.ExpiresAt = expiresAt;
        tunnel.UpdatedAt = now;
        events.Record(EventTypes.TunnelExtended, ResourceTypes.Tunnel, tunnel.Id, new TunnelEventData(tunnel.DeviceId, tunnel.DevicePort, tunnel.ExpiresAt));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await ResponseAsync(tunnel, db, cancellationToken));
    }

    private static async Task<Results<Ok<TunnelResponse>, ProblemHttpResult>> CloseAsync(
        string id, HttpContext http, HangarDbContext db, AuditScope audit, EventRecorder events, TunnelLifecycle lifecycle, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var tunnel = await FindAsync(id, http, db, cancellationToken);
        if (tunnel is null)
        {
            return Problems.NotFound("Tunnel");
        }

        audit.Resource(ResourceTypes.Tunnel, tunnel.Id);
        if (tunnel.State == TunnelState.Closed)
        {
            return TypedResults.Ok(await ResponseAsync(tunnel, db, cancellationToken));
        }

        TunnelLifecycle.MarkClosed(tunnel, TunnelCloseReasons.User, null, time.GetUtcNow().UtcDateTime, events);
        await db.SaveChangesAsync(cancellationToken);
        await lifecycle.AfterCloseAsync(tunnel, TunnelCloseReasons.User, cancellationToken);
        return TypedResults.Ok(await ResponseAsync(tunnel, db, cancellationToken));
    }

    private static async Task<Results<Ok<TunnelTokenResponse>, ProblemHttpResult>> RotateTokenAsync(
        string id, HttpContext http, HangarDbContext db, AuditScope audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var tunnel = await FindAsync(id, http, db, cancellationToken);
        if (tunnel is null)
        {
            return Problems.NotFound("Tunnel");
        }

        audit.Resource(ResourceTypes.Tunnel, tunnel.Id);
        if (tunnel.State == TunnelState.Closed)
        {
            return Problems.Conflict(ErrorCodes.TunnelClosed, "A closed tunnel has no token.");
        }

        var token = TunnelTokens.New();
        tunnel.TokenHash = TunnelTokens.Hash(token);
        tunnel.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new TunnelTokenResponse(await ResponseAsync(tunnel, db, cancellationToken), token));
    }

    private static async Task<TunnelResponse> ResponseAsync(Tunnel tunnel, HangarDbContext db, CancellationToken cancellationToken)
    {
        var identifier = await db.Devices.Where(d => d.Id == tunnel.DeviceId).Select(d => d.Identifier).FirstOrDefaultAsync(cancellationToken);
        return tunnel.ToResponse(identifier ?? "");
    }

    private static Task<Tunnel?> FindAsync(string id, HttpContext http, HangarDbContext db, CancellationToken cancellationToken) =>
        db.Tunnels.FindByReferenceAsync(db, TunnelReferences.Rule, id, http.RequireCaller().OrganizationId, cancellationToken);
}
