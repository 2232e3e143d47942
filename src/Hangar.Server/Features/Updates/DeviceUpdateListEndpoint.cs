using Hangar.Contracts.Common;
using Hangar.Contracts.Updates;
using Hangar.Core.Access;
using Hangar.Core.Releases;
using Hangar.Data;
using Hangar.Data.Releases;
using Hangar.Server.Hosting.Authentication;
using Hangar.Server.Hosting.Authorization;
using Hangar.Server.Hosting.Lists;
using Hangar.Server.Hosting.Problems;
using Hangar.Server.Hosting.References;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Updates;

/// <summary>A device's update history: every update it was offered and how far it got, with the reason of a failure.</summary>
internal static class DeviceUpdateListEndpoint
{
    private static readonly SearchFields<DeviceUpdate> Search = new SearchFields<DeviceUpdate>()
        .Enum("state", u => u.State)
        .Uuid("release_id", u => u.ReleaseId)
        .Uuid("bundle_override_id", u => u.BundleOverrideId)
        .Uuid("bundle_id", u => u.BundleId)
        .Number("attempt", u => u.Attempt)
        .DateTime("offered_at", u => u.OfferedAt)
        .DateTime("finished_at", u => u.FinishedAt)
        .DateTime("updated_at", u => u.UpdatedAt);

    public static void MapDeviceUpdateList(this RouteGroupBuilder api) =>
        api.MapGet("/devices/{id}/updates", ListAsync).WithTags("Devices").Requires(Permission.DeviceRead)
            .WithSummary("List a device's updates")
            .WithDescription($"One entry per release or bundle override the device was offered, oldest first (order=desc for the newest first), "
                + $"in its current state ({string.Join(", ", UpdateStates.All)}) with its attempt, progress, log tail and failure reason. "
                + "Search fields: state, release_id, bundle_override_id, bundle_id, attempt, offered_at, finished_at, updated_at.");

    private static async Task<Results<Ok<ListResponse<DeviceUpdateResponse>>, ProblemHttpResult>> ListAsync(
        string id, [AsParameters] ListRequest request, HttpContext http, HangarDbContext db, CancellationToken cancellationToken)
    {
        var deviceId = (await db.Devices.AsNoTracking().FindByReferenceAsync(db, ReferenceRules.Device, id, http.RequireCaller().OrganizationId, cancellationToken))?.Id;
        if (deviceId is null)
        {
            return Problems.NotFound("Device");
        }

        if (!ListQueries.TryPrepare(request, Search, out var spec, out var problem))
        {
            return problem!;
        }

        var page = await db.DeviceUpdates.AsNoTracking().Where(u => u.DeviceId == deviceId)
            .ToPageAsync(spec, Search, u => u.Id, u => u.ToResponse(duplicate: false), cancellationToken);
        return TypedResults.Ok(page);
    }
}
