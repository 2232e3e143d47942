using Hangar.Data;
using Hangar.Server.Features.Firmware;
using Hangar.Server.Features.Identity;
using Hangar.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hangar.Server.Features.Updates;

/// <summary>
/// <c>GET /device/v1/binary_downloads/{token}</c>: a device downloads the binaries its update check named, with the
/// URLs bound to it. Part of the device API because only there is the caller a device, authenticated by its certificate.
/// </summary>
internal static class DeviceDownloadEndpoint
{
    public static void MapDeviceDownloads(this RouteGroupBuilder device) =>
        device.MapGet(BinaryDownloadEndpoints.DeviceSignedPath[DeviceApi.BasePath.Length..] + "/{token}", DownloadAsync);

    private static Task<Results<FileStreamHttpResult, RedirectHttpResult, ProblemHttpResult>> DownloadAsync(
        string token, HttpContext http, HangarDbContext db, DownloadUrls urls, TimeProvider time, IBlobStore blobs, CancellationToken cancellationToken)
    {
        var identity = http.Features.Get<DeviceIdentity>()!;
        return BinaryDownloadEndpoints.SignedAsync(token, (identity.DeviceId, identity.OrganizationId), http, db, urls, time, blobs, cancellationToken);
    }
}
