using Hangar.Contracts.Devices;
using Hangar.Core.Access;
using Hangar.Server.Hosting.Authorization;
using Hangar.Server.Hosting.Listeners;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Firmware;

/// <summary>Where devices connect (<see cref="FirmwareOptions.PublicDeviceUrl"/>), so that provisioning tools need not be told.</summary>
internal static class ServerInfoEndpoints
{
    public static void MapServerInfo(this RouteGroupBuilder api)
    {
        api.MapGet("/server", Get).Requires(Permission.DeviceRead).WithTags("Server")
            .WithSummary("Get what devices need to know about the server")
            .WithDescription("device_url is Firmware:PublicDeviceUrl when set; otherwise the device listener's address, a wildcard bind named by the server's host name (device_url_configured false). hangar devices provision writes it into agent configurations.");
    }

    private static ServerInfoResponse Get(IOptions<FirmwareOptions> firmware, ListenerRegistry listeners) =>
        firmware.Value.PublicDeviceUrl is { } configured
            ? new ServerInfoResponse(configured.TrimEnd('/'), DeviceUrlConfigured: true)
            : new ServerInfoResponse(listeners.AdvertisedAddress(ListenerKind.Device).ToString().TrimEnd('/'), DeviceUrlConfigured: false);
}
