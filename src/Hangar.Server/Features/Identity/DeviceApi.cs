using Hangar.Contracts.Devices;
using Hangar.Core.Resources;
using Hangar.Data;
using Hangar.Server.Features.Updates;
using Hangar.Server.Hosting.Listeners;
using Hangar.Server.Hosting.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Identity;

/// <summary>The device API on the device listener, under <c>/device/v1</c>. It is not part of the Admin API document.</summary>
internal static class DeviceApi
{
    public const string BasePath = "/device/v1";

    public static IEndpointRouteBuilder MapDeviceApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(BasePath).WithMetadata(new ListenerAttribute(ListenerKind.Device)).ExcludeFromDescription();
        group.MapGet("/me", MeAsync);
        group.MapGet("/ping", () => TypedResults.NoContent());
        group.MapDeviceUpdateCheck();
        return app;
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
