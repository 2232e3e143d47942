using Hangar.Contracts.Common;
using Hangar.Contracts.Devices;
using Hangar.Core.Access;
using Hangar.Data;
using Hangar.Server.Features.Audit;
using Hangar.Server.Features.Events;
using Hangar.Server.Hosting.Authentication;
using Hangar.Server.Hosting.Authorization;
using Hangar.Server.Hosting.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hangar.Server.Features.Identity;

/// <summary>
/// <c>POST /devices/import</c>: runs <see cref="DeviceImporter"/> for the caller and answers its outcome. Part of device
/// identity (devices arrive with their certificates), mapped beside the fleet's device routes.
/// </summary>
internal static class DeviceImportEndpoint
{
    public static void MapDeviceImport(this RouteGroupBuilder api) =>
        api.MapGroup("/devices").WithTags("Devices")
            .MapPost("/import", ImportAsync).Requires(Permission.DeviceManage).Audited("device.import")
            .WithSummary("Import devices from CSV")
            .WithDescription("Every row is validated first; any error imports nothing and answers 400 import_failed with errors keyed 'row N.field'. Rows with certificates need the admin role.");

    public static async Task<Results<Ok<ImportDevicesResponse>, ProblemHttpResult>> ImportAsync(
        ImportDevicesRequest request, HttpContext http, HangarDbContext db, AuditScope audit, EventRecorder events, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = http.RequireCaller();
        var outcome = await DeviceImporter.ImportAsync(request.Csv, caller.OrganizationId, caller.Role, db, audit, events, time.GetUtcNow().UtcDateTime, cancellationToken);
        return outcome switch
        {
            DeviceImportOutcome.Imported imported => TypedResults.Ok(new ImportDevicesResponse(imported.Devices, imported.Certificates)),
            DeviceImportOutcome.Invalid invalid => Problems.Validation(invalid.Errors, ErrorCodes.ImportFailed),
            DeviceImportOutcome.CertificatesNeedRole needs => Problems.Forbidden(ErrorCodes.InsufficientRole,
                $"Rows with certificates need the '{needs.Minimum.ToWire()}' role."),
            DeviceImportOutcome.RegisteredMeanwhile => Problems.Conflict(ErrorCodes.AlreadyExists,
                "A device identifier or certificate of the file was registered meanwhile; nothing was imported."),
            _ => throw new InvalidOperationException($"unexpected import outcome {outcome}"),
        };
    }
}
