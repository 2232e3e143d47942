using Hangar.Server.Features.Ddi;
using Hangar.Server.Features.Identity;
using Hangar.Server.Features.Presence;
using Hangar.Server.Features.Telemetry;
using Hangar.Server.Features.Tunnels;
using Hangar.Server.Features.Updates;
using Hangar.Server.Hosting.Listeners;

namespace Hangar.Server;

/// <summary>
/// The device API, under <c>/device/v1</c> on the device listener: answered only to a device certificate (the
/// <see cref="RequestIdentity.DevicePolicy"/>), never to an API key or a session. Not part of the Admin API document.
/// </summary>
internal static class DeviceApi
{
    public const string BasePath = "/device/v1";

    public static IEndpointRouteBuilder MapDeviceApi(this IEndpointRouteBuilder app)
    {
        var device = app.MapGroup(BasePath).WithMetadata(new ListenerAttribute(ListenerKind.Device))
            .RequireAuthorization(RequestIdentity.DevicePolicy).ExcludeFromDescription();
        device.MapDeviceSelf();
        device.MapDeviceUpdateCheck();
        device.MapControlSocket();
        device.MapDeviceTelemetry();
        device.MapTunnelDeviceSocket();
        // hawkBit DDI clients: on the same listener with the same device certificates, and on the DDI listener (when
        // configured) with target and gateway tokens (docs/ddi.md, docs/adr/0013).
        app.MapGroup(DdiModule.BasePath).WithMetadata(new ListenerAttribute(ListenerKind.Device, ListenerKind.Ddi))
            .RequireAuthorization(RequestIdentity.DdiPolicy).ExcludeFromDescription().MapDdi();
        return app;
    }
}
