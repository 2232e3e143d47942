using Hangar.Contracts.DeviceHealth;
using Hangar.Core.Access;
using Hangar.Data;
using Hangar.Server.Features.Devices;
using Hangar.Server.Hosting.Authentication;
using Hangar.Server.Hosting.Authorization;
using Hangar.Server.Hosting.Problems;
using Hangar.Server.Hosting.References;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.DeviceHealth;

/// <summary>A device's health in detail (<c>GET /devices/{id}/health</c>): its state, the rules it fails, and its product's enabled rules.</summary>
internal static class DeviceHealthEndpoints
{
    public static void MapDeviceHealthDetail(this RouteGroupBuilder api)
    {
        api.MapGet("/devices/{id}/health", GetAsync).WithTags("Devices").Requires(Permission.DeviceRead)
            .WithSummary("Read a device's health")
            .WithDescription("healthy is null while the device's product has no enabled health rule, while it is quarantined, or until the first evaluation; "
                + "failing lists the rules it fails with since when and the failing value; rules lists the product's enabled rules.");
    }

    private static async Task<Results<Ok<DeviceHealthResponse>, ProblemHttpResult>> GetAsync(
        string id, HttpContext http, HangarDbContext db, CancellationToken cancellationToken)
    {
        var device = await db.Devices.AsNoTracking().Include(d => d.HealthFailures).ThenInclude(f => f.Rule)
            .FindByReferenceAsync(db, ReferenceRules.Device, id, http.RequireCaller().OrganizationId, cancellationToken);
        if (device is null)
        {
            return Problems.NotFound("Device");
        }

        var rules = await db.HealthRules.AsNoTracking().Where(r => r.ProductId == device.ProductId && r.Enabled).OrderBy(r => r.Name).ToListAsync(cancellationToken);
        return TypedResults.Ok(device.ToHealthResponse([.. rules.Select(r => r.ToResponse())]));
    }
}
