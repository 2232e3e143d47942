using Hangar.Contracts.Updates;
using Hangar.Server.Features.Events;
using Hangar.Server.Features.Identity;
using Hangar.Server.Hosting.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hangar.Server.Features.Updates;

/// <summary><c>POST /device/v1/update/status</c>: a device reports progress on an update it was offered.</summary>
internal static class UpdateStatusEndpoints
{
    public static void MapUpdateStatus(this RouteGroupBuilder device)
    {
        device.MapPost("/update/status", ReportAsync);
    }

    private static async Task<Results<Ok<DeviceUpdateResponse>, ProblemHttpResult>> ReportAsync(
        UpdateStatusRequest request, HttpContext http, UpdateStatusRecorder recorder, EventRecorder events, CancellationToken cancellationToken)
    {
        var identity = http.Features.Get<DeviceIdentity>()!;
        var report = UpdateStatusReport.TryRead(request, identity.OrganizationId, out var validator);
        if (report is null)
        {
            return validator.Problem();
        }

        events.Actor("device", identity.DeviceId, null);
        var outcome = await recorder.ApplyAsync(identity.DeviceId, report, cancellationToken);
        return outcome.Update is { } update
            ? TypedResults.Ok(update.ToResponse(outcome.Duplicate))
            : Problems.Conflict(outcome.RefusalCode!, outcome.RefusalDetail!);
    }
}
