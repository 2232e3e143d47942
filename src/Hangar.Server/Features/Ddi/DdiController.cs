using Hangar.Data;
using Hangar.Server.Features.Identity;
using Hangar.Server.Hosting.Problems;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Ddi;

/// <summary>
/// The controller a DDI request names, checked against its credential: the tenant segment is the device's
/// organization (its name, case-insensitive, or its id) and the controller id is the device's identifier. With mutual
/// TLS the certificate's device decides; a path naming another device or organization is 404, as for a controller that
/// does not exist, so a device learns nothing about others.
/// </summary>
internal sealed record DdiController(Guid DeviceId, Guid OrganizationId, string Identifier, string BaseUrl)
{
    public static async Task<(DdiController? Controller, IResult? Problem)> ResolveAsync(
        HttpContext http, HangarDbContext db, string tenant, string controllerId, CancellationToken cancellationToken)
    {
        var identity = http.Features.Get<DeviceIdentity>()!;
        var device = await db.Devices.AsNoTracking().Where(d => d.Id == identity.DeviceId).Select(d => new { d.Identifier }).SingleOrDefaultAsync(cancellationToken);
        var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == identity.OrganizationId).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken);
        if (device is null || organization is null || !string.Equals(device.Identifier, controllerId, StringComparison.Ordinal) || !NamesTenant(tenant, identity.OrganizationId, organization))
        {
            return (null, Problems.NotFound("Controller"));
        }

        var request = http.Request;
        var baseUrl = $"{request.Scheme}://{request.Host}{request.PathBase}/{Uri.EscapeDataString(tenant)}/controller/v1/{Uri.EscapeDataString(controllerId)}";
        return (new DdiController(identity.DeviceId, identity.OrganizationId, device.Identifier, baseUrl), null);
    }

    private static bool NamesTenant(string tenant, Guid organizationId, string organizationName) =>
        string.Equals(tenant, organizationName, StringComparison.OrdinalIgnoreCase)
        || (Guid.TryParse(tenant, out var id) && id == organizationId);
}
