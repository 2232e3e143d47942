using Hangar.Contracts.Access;
using Hangar.Core.Access;
using Hangar.Core.Resources;
using Hangar.Data;
using Hangar.Server.Hosting.Authentication;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Access;

internal static class CurrentUserQuery
{
    public static async Task<CurrentUserResponse> LoadAsync(HangarDbContext db, Caller caller, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == caller.UserId, cancellationToken);
        var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == caller.OrganizationId).Select(o => o.Name).SingleAsync(cancellationToken);
        return new CurrentUserResponse(
            user.Id,
            user.Email,
            user.Name,
            caller.OrganizationId,
            organization,
            ResourceName.ForOrganization(caller.OrganizationId),
            caller.Role.ToWire(),
            caller.Kind == CallerKind.ApiKey ? "api_key" : "session",
            caller.Kind == CallerKind.ApiKey ? caller.CredentialId : null);
    }
}
