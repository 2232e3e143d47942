using Hangar.Server.Features.Firmware;
using Hangar.Server.Features.Updates;

namespace Hangar.Server.Features.Ddi;

/// <summary>
/// Where a DDI device downloads: the device API's signed download URLs bound to it (docs/adr/0009), on the device
/// listener — hawkBit lets a server link artifacts anywhere (its <c>ArtifactUrlResolver</c>), and these URLs serve
/// Range and If-Range.
/// </summary>
internal static class DdiDownloads
{
    public static DownloadLinks Links(HttpContext http, FirmwareOptions firmware, DdiController controller) =>
        new(PublicBaseUrl.For(firmware.PublicDeviceUrl, http.Request) + BinaryDownloadEndpoints.DeviceSignedPath, BinaryDownloadEndpoints.DeviceSignedPath,
            controller.DeviceId, UrlForOperator: false);
}
