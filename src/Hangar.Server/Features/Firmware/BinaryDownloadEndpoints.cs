using Hangar.Contracts.Common;
using Hangar.Contracts.Firmware;
using Hangar.Core.Access;
using Hangar.Core.Firmware;
using Hangar.Data;
using Hangar.Data.Firmware;
using Hangar.Data.Tenancy;
using Hangar.Server.Hosting.Authorization;
using Hangar.Server.Hosting.Http;
using Hangar.Server.Hosting.Problems;
using Hangar.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Hangar.Server.Features.Firmware;

/// <summary>
/// A binary's bytes, with Range (206/416), a strong ETag equal to the SHA-256 and If-Range, so an interrupted download
/// resumes and a resume against other content restarts. With an API key on the admin listener, or without one through
/// a signed URL on the admin listener (scripts, the CLI) and the device listener (devices).
/// </summary>
internal static class BinaryDownloadEndpoints
{
    public const string AdminSignedPath = "/api/v1/binary_downloads";
    public const string DeviceSignedPath = "/device/v1/binary_downloads";

    public static void MapBinaryDownloads(this RouteGroupBuilder binaries)
    {
        binaries.MapGet("/{id}/content", ContentAsync).Requires(Permission.FirmwareRead)
            .WithSummary("Download a binary").WithDescription("Supports Range and If-Range; the ETag is the SHA-256. Only signable and signed binaries have content.");
        binaries.MapGet("/{id}/download_url", DownloadUrlAsync).Requires(Permission.FirmwareRead).CarriesSecret()
            .WithSummary("Get a short-lived download URL").WithDescription("The URL needs no API key; it expires after Firmware:DownloadUrlLifetimeSeconds (6 hours). url starts with Firmware:PublicAdminUrl when set (else the request's scheme and host); device_url is present when Firmware:PublicDeviceUrl is set.");
    }

    /// <summary>The admin listener's signed-URL route: outside the authenticated Admin API group, anonymous.</summary>
    public static IEndpointRouteBuilder MapSignedBinaryDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet(AdminSignedPath + "/{token}", AdminSignedAsync).Anonymous().WithTags("Binaries")
            .WithSummary("Download a binary through a signed URL")
            .WithDescription("401 download_url_expired after expiry; 403 download_url_invalid when tampered; 403 download_url_wrong_device for a URL "
                + "issued to a device (those work only on the device listener, for that device). 307 to the blob store's presigned URL when it issues them.");
        // The device listener's route is in the device API (Updates), which knows the authenticated device.
        return app;
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> ContentAsync(
        string id, HttpContext http, HangarDbContext db, IBlobStore blobs, CancellationToken cancellationToken)
    {
        var binary = await BinaryEndpoints.FindAsync(id, http, db, cancellationToken);
        return binary is null ? Problems.NotFound("Binary") : await ServeAsync(binary, blobs, http, cancellationToken);
    }

    private static async Task<Results<Ok<DownloadUrlResponse>, ProblemHttpResult>> DownloadUrlAsync(
        string id, HttpContext http, HangarDbContext db, DownloadUrls urls, TimeProvider time,
        IOptions<FirmwareOptions> options, CancellationToken cancellationToken)
    {
        var binary = await BinaryEndpoints.FindAsync(id, http, db, cancellationToken);
        if (binary is null)
        {
            return Problems.NotFound("Binary");
        }

        if (ContentProblem(binary) is { } problem)
        {
            return problem;
        }

        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(time.GetUtcNow().AddSeconds(options.Value.DownloadUrlLifetimeSeconds).ToUnixTimeSeconds());
        var url = await urls.ForOperatorAsync(binary.Id, binary.Sha256, PublicBaseUrl.For(options.Value.PublicAdminUrl, http.Request) + AdminSignedPath, expiresAt, cancellationToken);
        var devicePath = $"{DeviceSignedPath}/{urls.OperatorToken(binary.Id, expiresAt)}";
        // This request came to the admin listener, so only a configured public device address can make the device URL absolute.
        var deviceUrl = options.Value.PublicDeviceUrl is null ? null : PublicBaseUrl.For(options.Value.PublicDeviceUrl, null) + devicePath;
        return TypedResults.Ok(new DownloadUrlResponse(url, devicePath, expiresAt.UtcDateTime, deviceUrl));
    }

    private static Task<Results<FileStreamHttpResult, RedirectHttpResult, ProblemHttpResult>> AdminSignedAsync(
        string token, HttpContext http, HangarDbContext db, DownloadUrls urls, TimeProvider time, IBlobStore blobs, CancellationToken cancellationToken) =>
        SignedAsync(token, device: null, http, db, urls, time, blobs, cancellationToken);

    /// <summary>
    /// A download by token, by <paramref name="device"/> on the device listener (its certificate checked, revocation
    /// included, by the listener's authentication) or by anyone on the admin listener (null). A device's token is
    /// served only to that device; an operator's to anyone holding it, but on the device listener only to devices of the
    /// binary's organization.
    /// </summary>
    public static async Task<Results<FileStreamHttpResult, RedirectHttpResult, ProblemHttpResult>> SignedAsync(
        string token, (Guid DeviceId, Guid OrganizationId)? device, HttpContext http, HangarDbContext db, DownloadUrls urls, TimeProvider time, IBlobStore blobs,
        CancellationToken cancellationToken)
    {
        if (urls.Read(token) is not { } read)
        {
            return Problems.Create(StatusCodes.Status403Forbidden, ErrorCodes.DownloadUrlInvalid, "Forbidden", "The download URL is not valid.");
        }

        if (read.DeviceId is { } boundTo && boundTo != device?.DeviceId)
        {
            return WrongDevice();
        }

        if (read.ExpiresAt <= time.GetUtcNow())
        {
            return Problems.Create(StatusCodes.Status401Unauthorized, ErrorCodes.DownloadUrlExpired, "Unauthenticated", "The download URL has expired; ask for a new one.");
        }

        // The token names the binary and proves the server issued it, so no caller organization is needed.
        var binary = await db.Binaries.IgnoreQueryFilters([TenantFilter.Name]).AsNoTracking().SingleOrDefaultAsync(b => b.Id == read.BinaryId, cancellationToken);
        if (binary is null)
        {
            return Problems.NotFound("Binary");
        }

        if (device is { } downloading && binary.OrganizationId != downloading.OrganizationId)
        {
            return WrongDevice();
        }

        if (ContentProblem(binary) is null && await urls.PresignedForFetchAsync(binary.Sha256, cancellationToken) is { } presigned)
        {
            // 307 keeps the method and the client's Range and If-Range headers for the object store.
            return TypedResults.Redirect(presigned.ToString(), permanent: false, preserveMethod: true);
        }

        var served = await ServeAsync(binary, blobs, http, cancellationToken);
        return served.Result is ProblemHttpResult problem ? problem : (FileStreamHttpResult)served.Result;
    }

    /// <summary>
    /// A binary's bytes for a caller already known to be entitled to them (a hawkBit client's artifact route): 307 to
    /// the blob store's presigned URL when it issues them, else the content with Range.
    /// </summary>
    public static async Task<IResult> ServeOrRedirectAsync(Binary binary, DownloadUrls urls, IBlobStore blobs, HttpContext http, CancellationToken cancellationToken)
    {
        if (ContentProblem(binary) is null && await urls.PresignedForFetchAsync(binary.Sha256, cancellationToken) is { } presigned)
        {
            return TypedResults.Redirect(presigned.ToString(), permanent: false, preserveMethod: true);
        }

        return (await ServeAsync(binary, blobs, http, cancellationToken)).Result;
    }

    private static ProblemHttpResult WrongDevice() =>
        Problems.Create(StatusCodes.Status403Forbidden, ErrorCodes.DownloadUrlWrongDevice, "Forbidden",
            "The download URL was issued to another device; a device downloads with the URLs of its own update check.");

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> ServeAsync(
        Binary binary, IBlobStore blobs, HttpContext http, CancellationToken cancellationToken)
    {
        if (ContentProblem(binary) is { } problem)
        {
            return problem;
        }

        // Seekable: the result answers Range requests by seeking, also across the part files of an object stored as its parts.
        var content = await blobs.OpenReadAsync(binary.Sha256, cancellationToken);
        if (content is null)
        {
            return Problems.Create(StatusCodes.Status410Gone, ErrorCodes.ContentGone, "Gone", "The binary's content is not in the blob store.");
        }

        // If-Range must match the current validator exactly (RFC 9110 §13.1.5), and this content's only validator is a
        // strong ETag: a date or a weak tag never matches, so the whole content is sent.
        if (http.Request.Headers.IfRange.ToString() is { Length: > 0 } ifRange && !ifRange.StartsWith('"'))
        {
            http.Request.Headers.Remove(HeaderNames.Range);
        }

        LargeBlockResponseBody.Use(http);
        return TypedResults.Stream(content, "application/octet-stream", fileDownloadName: null, lastModified: null,
            entityTag: new EntityTagHeaderValue($"\"{binary.Sha256}\""), enableRangeProcessing: true);
    }

    private static ProblemHttpResult? ContentProblem(Binary binary) => binary.State switch
    {
        BinaryState.Signable or BinaryState.Signed => null,
        BinaryState.Destroyed => Problems.Create(StatusCodes.Status410Gone, ErrorCodes.ContentGone, "Gone", "The binary was destroyed; its content is deleted."),
        _ => Problems.Conflict(ErrorCodes.InvalidState, $"The binary is {binary.State.ToWire()}; only signable and signed binaries have content."),
    };
}
