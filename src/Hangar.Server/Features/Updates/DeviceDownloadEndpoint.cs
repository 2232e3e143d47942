using Hangar.Data;
using Hangar.Server.Features.Firmware;
using Hangar.Server.Features.Identity;
using Hangar.Server.Hosting.RateLimiting;
using Hangar.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hangar.Server.Features.Updates;

/// <summary>
/// <c>GET /device/v1/binary_downloads/{token}</c>: a device downloads the binaries its update check named, with the
/// URLs bound to it. Part of the device API because only there is the caller a device, authenticated by its certificate.
/// </summary>
internal static class DeviceDownloadEndpoint
{
    /// <summary>Relative to the device group; <see cref="BinaryDownloadEndpoints.DeviceSignedPath"/> is the whole path URLs are made with.</summary>
    private const string Path = "/binary_downloads/{token}";

    public static void MapDeviceDownloads(this RouteGroupBuilder device) =>
        device.MapGet(Path, DownloadAsync).WithMetadata(new DownloadTrafficAttribute());

    private static Task<Results<FileStreamHttpResult, RedirectHttpResult, ProblemHttpResult>> DownloadAsync(
        string token, HttpContext http, HangarDbContext db, DownloadUrls urls, TimeProvider time, IBlobStore blobs, CancellationToken cancellationToken)
    {
        var identity = http.Features.Get<DeviceIdentity>()!;
        return BinaryDownloadEndpoints.SignedAsync(token, (identity.DeviceId, identity.OrganizationId), http, db, urls, time, blobs, cancellationToken);
    }
}
