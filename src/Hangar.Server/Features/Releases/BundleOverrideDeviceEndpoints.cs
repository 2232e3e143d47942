using Hangar.Contracts.Common;
using Hangar.Contracts.Releases;
using Hangar.Core.Access;
using Hangar.Core.Events;
using Hangar.Core.Resources;
using Hangar.Data;
using Hangar.Data.Releases;
using Hangar.Server.Features.Audit;
using Hangar.Server.Features.Devices;
using Hangar.Server.Features.Events;
using Hangar.Server.Hosting.Authentication;
using Hangar.Server.Hosting.Authorization;
using Hangar.Server.Hosting.Lists;
using Hangar.Server.Hosting.Problems;
using Hangar.Server.Hosting.References;
using Hangar.Server.Hosting.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Releases;

/// <summary>The explicit device list of a bundle override.</summary>
internal static class BundleOverrideDeviceEndpoints
{
    public const int MaxDevicesPerRequest = 1000;

    private static readonly SearchFields<BundleOverrideDevice> Search = new SearchFields<BundleOverrideDevice>()
        .Uuid("device_id", d => d.DeviceId)
        .DateTime("created_at", d => d.CreatedAt);

    public static void MapBundleOverrideDevices(this RouteGroupBuilder overrides)
    {
        overrides.MapGet("/{id}/devices", ListAsync).Requires(Permission.BundleOverrideRead)
            .WithSummary("List the devices of a bundle override")
            .WithDescription("Ordered by device id (devices' creation order). Search fields: device_id, created_at (when the device was added).");
        overrides.MapPost("/{id}/devices", AddAsync).Requires(Permission.BundleOverrideManage).Audited("bundle_override.add_devices")
            .WithSummary("Add devices to a bundle override")
            .WithDescription($"1 to {MaxDevicesPerRequest:N0} device ids or resource names; devices already in the override stay as they are. All or nothing.");
        overrides.MapDelete("/{id}/devices/{device}", RemoveAsync).Requires(Permission.BundleOverrideManage).Audited("bundle_override.remove_device")
            .WithSummary("Remove a device from a bundle override");
    }

    private static async Task<Results<Ok<ListResponse<BundleOverrideDeviceResponse>>, ProblemHttpResult>> ListAsync(
        string id, [AsParameters] ListRequest request, HttpContext http, HangarDbContext db, CancellationToken cancellationToken)
    {
        var found = await BundleOverrideEndpoints.FindAsync(id, http, db, cancellationToken);
        if (found is null)
        {
            return Problems.NotFound("Bundle override");
        }

        if (!ListQueries.TryPrepare(request, Search, out var spec, out var problem))
        {
            return problem!;
        }

        var page = await db.BundleOverrideDevices.AsNoTracking().Where(d => d.BundleOverrideId == found.Id)
            .ToPageAsync(spec, Search, d => d.DeviceId, d => d, cancellationToken);
        var deviceIds = page.Data.Select(d => d.DeviceId).ToList();
        var identifiers = await db.Devices.Where(d => deviceIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Identifier, cancellationToken);
        return TypedResults.Ok(new ListResponse<BundleOverrideDeviceResponse>(
            [.. page.Data.Select(d => new BundleOverrideDeviceResponse(
                d.DeviceId, ResourceName.Format(d.OrganizationId, ResourceTypes.Device, d.DeviceId), identifiers.GetValueOrDefault(d.DeviceId, ""), d.CreatedAt))],
            page.NextPage));
    }

    private static async Task<Results<Ok<AddBundleOverrideDevicesResponse>, ProblemHttpResult>> AddAsync(
        string id, AddBundleOverrideDevicesRequest request, HttpContext http, HangarDbContext db, AuditScope audit, EventRecorder events,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = http.RequireCaller();
        var found = await BundleOverrideEndpoints.FindAsync(id, http, db, cancellationToken);
        if (found is null)
        {
            return Problems.NotFound("Bundle override");
        }

        if (request.Devices.Count is 0 or > MaxDevicesPerRequest)
        {
            return Problems.Validation("devices", $"must list 1 to {MaxDevicesPerRequest:N0} devices.");
        }

        var validator = new RequestValidator();
        var ids = await DeviceReferences.IdsAsync(db, request.Devices, caller.OrganizationId, cancellationToken);
        for (var i = 0; i < ids.Count; i++)
        {
            if (ids[i] is null)
            {
                validator.Add($"devices[{i}]", "must name a device of this organization (id, resource name or identifier).");
            }
        }

        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        var known = ids.OfType<Guid>().Distinct().ToList();
        var now = time.GetUtcNow().UtcDateTime;
        audit.Resource(ResourceTypes.BundleOverride, found.Id);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Taking the override's row lock first (a no-op update) makes concurrent additions of the same device wait and
        // then see it, instead of both inserting it.
        await db.BundleOverrides.Where(o => o.Id == found.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.UpdatedAt, o => o.UpdatedAt), cancellationToken);
        var present = (await db.BundleOverrideDevices.Where(d => d.BundleOverrideId == found.Id && known.Contains(d.DeviceId))
            .Select(d => d.DeviceId).ToListAsync(cancellationToken)).ToHashSet();
        var added = known.Where(d => !present.Contains(d)).ToList();
        db.BundleOverrideDevices.AddRange(added.Select(deviceId => new BundleOverrideDevice
        {
            BundleOverrideId = found.Id,
            DeviceId = deviceId,
            OrganizationId = caller.OrganizationId,
            CreatedAt = now,
        }));
        if (added.Count > 0)
        {
            found.UpdatedAt = now;
            events.Record(EventTypes.BundleOverrideUpdated, ResourceTypes.BundleOverride, found.Id, BundleOverrideEventData.Of(found, devicesAdded: added.Count));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var total = await db.BundleOverrideDevices.CountAsync(d => d.BundleOverrideId == found.Id, cancellationToken);
        return TypedResults.Ok(new AddBundleOverrideDevicesResponse(added.Count, known.Count - added.Count, total));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(
        string id, string device, HttpContext http, HangarDbContext db, AuditScope audit, EventRecorder events, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var caller = http.RequireCaller();
        var found = await BundleOverrideEndpoints.FindAsync(id, http, db, cancellationToken);
        if (found is null)
        {
            return Problems.NotFound("Bundle override");
        }

        var deviceId = (await db.Devices.FindByReferenceAsync(db, ReferenceRules.Device, device, caller.OrganizationId, cancellationToken))?.Id;
        var entry = deviceId is null ? null
            : await db.BundleOverrideDevices.SingleOrDefaultAsync(d => d.BundleOverrideId == found.Id && d.DeviceId == deviceId, cancellationToken);
        if (entry is null)
        {
            return Problems.NotFound("Device in this bundle override");
        }

        db.BundleOverrideDevices.Remove(entry);
        found.UpdatedAt = time.GetUtcNow().UtcDateTime;
        audit.Resource(ResourceTypes.BundleOverride, found.Id);
        events.Record(EventTypes.BundleOverrideUpdated, ResourceTypes.BundleOverride, found.Id, BundleOverrideEventData.Of(found, deviceRemoved: entry.DeviceId));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
