using Hangar.Contracts.Devices;
using Hangar.Core.Resources;
using Hangar.Data;
using Hangar.Server.Hosting.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Identity;

/// <summary>What a device may ask about itself on the device API: who it is, and whether the server hears it.</summary>
internal static class DeviceSelfEndpoints
{
    public static RouteGroupBuilder MapDeviceSelf(this RouteGroupBuilder device)
    {
        device.MapGet("/me", MeAsync);
        device.MapGet("/ping", () => TypedResults.NoContent());
        return device;
    }

    /// <summary>Who the listener thinks the caller is. A quarantined device is authenticated and sees quarantined=true.</summary>
    private static async Task<Results<Ok<DeviceIdentityResponse>, ProblemHttpResult>> MeAsync(HttpContext http, HangarDbContext db, CancellationToken cancellationToken)
    {
        var identity = http.Features.Get<DeviceIdentity>()!;
        var device = await db.Devices.AsNoTracking().Include(d => d.Tags).SingleOrDefaultAsync(d => d.Id == identity.DeviceId, cancellationToken);
        if (device is null)
        {
            return Problems.NotFound("Device");
        }

        return TypedResults.Ok(new DeviceIdentityResponse(
            device.Id,
            ResourceName.Format(device.OrganizationId, ResourceTypes.Device, device.Id),
            device.Identifier,
            device.OrganizationId,
            device.ProductId,
            device.CohortId,
            device.Tags.Select(t => t.Value).Order(StringComparer.Ordinal).ToList(),
            device.Target,
            device.Quarantined,
            identity.CertificateId));
    }
}
