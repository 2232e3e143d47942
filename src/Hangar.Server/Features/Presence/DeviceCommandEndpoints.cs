using Hangar.Contracts.Common;
using Hangar.Contracts.Control;
using Hangar.Contracts.Devices;
using Hangar.Core.Access;
using Hangar.Core.Events;
using Hangar.Core.Resources;
using Hangar.Data;
using Hangar.Server.Features.Audit;
using Hangar.Server.Features.Events;
using Hangar.Server.Hosting.Authentication;
using Hangar.Server.Hosting.Authorization;
using Hangar.Server.Hosting.Cluster;
using Hangar.Server.Hosting.Problems;
using Hangar.Server.Hosting.References;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Presence;

/// <summary>Commands pushed to a device over its control socket: on this node if it holds the socket, else through the node that does.</summary>
internal static class DeviceCommandEndpoints
{
    public const string Delivered = "delivered";
    public const string Forwarded = "forwarded";

    public static RouteGroupBuilder MapDeviceCommands(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/devices").WithTags("Devices");
        group.MapPost("/{id}/check_now", CheckNowAsync).Requires(Permission.DeviceCommand).Audited("device.check_now")
            .WithSummary("Tell a device to check for an update now")
            .WithDescription("Pushed over the device's control socket. 409 `device_offline` when no node holds its socket.");
        group.MapPost("/{id}/reboot", RebootAsync).Requires(Permission.DeviceCommand).Audited("device.reboot")
            .WithSummary("Tell a device to reboot")
            .WithDescription("Pushed over the device's control socket; the agent refuses while an install or an uncommitted trial boot runs. 409 `device_offline` when no node holds its socket.");
        return api;
    }

    private static Task<Results<Ok<DeviceCommandResponse>, ProblemHttpResult>> CheckNowAsync(
        string id, HttpContext http, HangarDbContext db, AuditScope audit, EventRecorder events, ControlSessions sessions, CommandRelay relay, ClusterNode node,
        CancellationToken cancellationToken) =>
        PushAsync(ControlFrameTypes.CheckNow, id, http, db, audit, events, sessions, relay, node, cancellationToken);

    private static Task<Results<Ok<DeviceCommandResponse>, ProblemHttpResult>> RebootAsync(
        string id, HttpContext http, HangarDbContext db, AuditScope audit, EventRecorder events, ControlSessions sessions, CommandRelay relay, ClusterNode node,
        CancellationToken cancellationToken) =>
        PushAsync(ControlFrameTypes.Reboot, id, http, db, audit, events, sessions, relay, node, cancellationToken);

    private static async Task<Results<Ok<DeviceCommandResponse>, ProblemHttpResult>> PushAsync(
        string command, string id, HttpContext http, HangarDbContext db, AuditScope audit, EventRecorder events, ControlSessions sessions, CommandRelay relay,
        ClusterNode node, CancellationToken cancellationToken)
    {
        var device = await db.Devices.AsNoTracking().FindByReferenceAsync(db, ReferenceRules.Device, id, http.RequireCaller().OrganizationId, cancellationToken);
        if (device is null)
        {
            return Problems.NotFound("Device");
        }

        audit.Resource(ResourceTypes.Device, device.Id);
        var commandId = Guid.CreateVersion7();
        DeviceCommandResponse answer;
        if (sessions.Find(device.Id) is { } session && await session.SendAsync(new ControlFrame(command, commandId), cancellationToken))
        {
            answer = new DeviceCommandResponse(commandId, command, Delivered, node.Name);
        }
        else if (device is { Online: true, PresenceNode: { } holder } && holder != node.Name)
        {
            await relay.ForwardAsync(device.Id, command, commandId, cancellationToken);
            answer = new DeviceCommandResponse(commandId, command, Forwarded, holder);
        }
        else
        {
            return Problems.Conflict(ErrorCodes.DeviceOffline, $"Device '{device.Identifier}' has no control socket open; the command was not sent.");
        }

        events.Record(EventTypes.DeviceCommandSent, ResourceTypes.Device, device.Id, new { command, commandId, answer.Delivery, answer.Node });
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(answer);
    }
}
