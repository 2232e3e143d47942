using Hangar.Contracts.Devices;

namespace Hangar.Cli.Output;

internal static class ServerViews
{
    public static ResourceView<ServerInfoResponse> ServerInfo { get; } = new ResourceView<ServerInfoResponse>()
        .Add("DEVICE URL", s => s.DeviceUrl)
        .Add("CONFIGURED", s => s.DeviceUrlConfigured ? "yes (Firmware:PublicDeviceUrl)" : "no (the device listener's own address)");
}
