using System.Text.Json;
using Hangar.Contracts.Common;
using Hangar.Contracts.Updates;
using Hangar.Core.Access;
using Hangar.Core.Resources;
using Hangar.Data;
using Hangar.Server.Features.Audit;
using Hangar.Server.Features.Events;
using Hangar.Server.Features.Firmware;
using Hangar.Server.Features.Identity;
using Hangar.Server.Features.Releases;
using Hangar.Server.Hosting.Authentication;
using Hangar.Server.Hosting.Authorization;
using Hangar.Server.Hosting.Problems;
using Hangar.Server.Hosting.References;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Hangar.Server.Features.Updates;

/// <summary>
/// The update check: <c>GET /device/v1/update</c> for devices (mutual TLS; the <c>Hangar-Release</c>,
/// <c>Hangar-Bundle</c> and <c>Hangar-Release-Version</c> headers say what the device runs) and
/// <c>POST /api/v1/devices/{id}/update</c> for back ends acting for a device.
/// </summary>
internal static class DeviceUpdateCheckEndpoints
{
    public static void MapDeviceUpdateCheck(this RouteGroupBuilder device)
    {
        device.MapGet("/update", DeviceCheckAsync);
        device.MapUpdateStatus();
        device.MapDeviceDownloads();
    }

    public static void MapAdminUpdateCheck(this RouteGroupBuilder api)
    {
        api.MapPost("/devices/{id}/update", AdminCheckAsync).WithTags("Devices").Requires(Permission.DeviceUpdateCheck).Audited("device.check_update")
            .WithSummary("Check for an update on a device's behalf")
            .WithDescription("Give what the device runs (release, bundle, release_version; at least one). With write=false nothing is recorded "
                + "(no reported state, phase claim or offer); with write=true the check counts as the device's own.");
    }

    private static async Task<IResult> DeviceCheckAsync(
        HttpContext http, UpdateCheck check, EventRecorder events, IOptions<FirmwareOptions> firmware, IOptions<JsonOptions> json,
        CancellationToken cancellationToken)
    {
        var identity = http.Features.Get<DeviceIdentity>()!;
        events.Actor("device", identity.DeviceId, null);
        var headers = http.Request.Headers;
        var reported = ReportedState.TryRead(
            (HangarHeaders.DeviceRelease, headers[HangarHeaders.DeviceRelease].ToString()),
            (HangarHeaders.DeviceBundle, headers[HangarHeaders.DeviceBundle].ToString()),
            (HangarHeaders.DeviceReleaseVersion, headers[HangarHeaders.DeviceReleaseVersion].ToString()),
            identity.OrganizationId,
            out var errors);
        if (reported is null)
        {
            return Problems.Validation(errors);
        }

        var request = http.Request;
        var links = new DownloadLinks(PublicBaseUrl.For(firmware.Value.PublicDeviceUrl, request) + BinaryDownloadEndpoints.DeviceSignedPath, BinaryDownloadEndpoints.DeviceSignedPath,
            identity.DeviceId, UrlForOperator: false);
        var offer = await check.RunAsync(identity.DeviceId, reported, write: true, links, cancellationToken);
        if (offer is null)
        {
            return Problems.NotFound("Device");
        }

        var etag = NativeUpdateAnswers.ETag(offer);
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = "private, no-cache";
        // Not cached by tag: tags are per device (its URLs are bound to it), and the agent sends If-None-Match, so
        // a device that asks again for the same answer gets a 304 and a body is built only when it changed.
        var ifNoneMatch = request.GetTypedHeaders().IfNoneMatch;
        return ifNoneMatch.Any(tag => tag.Tag.Equals(etag, StringComparison.Ordinal) || tag.Equals(EntityTagHeaderValue.Any))
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Bytes(JsonSerializer.SerializeToUtf8Bytes(NativeUpdateAnswers.Response(offer), json.Value.SerializerOptions), "application/json");
    }

    private static async Task<Results<Ok<UpdateCheckResponse>, ProblemHttpResult>> AdminCheckAsync(
        string id, AdminUpdateCheckRequest request, HttpContext http, HangarDbContext db, UpdateCheck check, AuditScope audit, IOptions<FirmwareOptions> firmware,
        CancellationToken cancellationToken)
    {
        var caller = http.RequireCaller();
        var device = await db.Devices.AsNoTracking().FindByReferenceAsync(db, ReferenceRules.Device, id, caller.OrganizationId, cancellationToken);
        if (device is null)
        {
            return Problems.NotFound("Device");
        }

        // A name is looked up here (a release name within the device's cohort); ids and resource names are read as a
        // device's headers are, so an unknown id stays "unknown" rather than an error.
        string? release = ReferenceLookup.IsName(request.Release)
            ? (await ReleaseReferences.ReleaseAsync(db, request.Release, caller.OrganizationId, cancellationToken, device.CohortId))?.Id.ToString() ?? request.Release
            : request.Release;
        string? bundle = ReferenceLookup.IsName(request.Bundle)
            ? (await ReleaseReferences.BundleAsync(db, request.Bundle, caller.OrganizationId, cancellationToken))?.Id.ToString() ?? request.Bundle
            : request.Bundle;
        var reported = ReportedState.TryRead(("release", release), ("bundle", bundle), ("release_version", request.ReleaseVersion),
            caller.OrganizationId, out var errors);
        if (reported is null)
        {
            return Problems.Validation(errors);
        }

        if (string.IsNullOrEmpty(request.Release) && string.IsNullOrEmpty(request.Bundle) && string.IsNullOrEmpty(request.ReleaseVersion))
        {
            return Problems.Validation("release", "give at least one of release, bundle and release_version: what the device runs.");
        }

        // Armed first: a write=true check's first save commits the audit row with it; otherwise it is written afterwards.
        audit.Resource(ResourceTypes.Device, device.Id, StatusCodes.Status200OK);
        var links = new DownloadLinks(PublicBaseUrl.For(firmware.Value.PublicAdminUrl, http.Request) + BinaryDownloadEndpoints.AdminSignedPath, BinaryDownloadEndpoints.DeviceSignedPath,
            device.Id, UrlForOperator: true);
        var offer = await check.RunAsync(device.Id, reported, request.Write, links, cancellationToken);
        if (offer is null)
        {
            return Problems.NotFound("Device");
        }

        return TypedResults.Ok(NativeUpdateAnswers.Response(offer));
    }
}
