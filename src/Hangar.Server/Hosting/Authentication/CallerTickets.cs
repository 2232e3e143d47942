using System.Globalization;
using System.Security.Claims;
using Hangar.Core.Access;
using Hangar.Data.Tenancy;
using Microsoft.AspNetCore.Authentication;

namespace Hangar.Server.Hosting.Authentication;

internal static class CallerTickets
{
    /// <summary>
    /// The successful result of an Admin API scheme: the caller becomes the request's principal, its
    /// <see cref="Caller"/> feature (what handlers read) and its tenant, which can be set only once per request.
    /// </summary>
    public static AuthenticateResult Success(HttpContext context, Caller caller, string scheme)
    {
        context.RequestServices.GetRequiredService<TenantContext>().Set(caller.OrganizationId);
        context.Features.Set(caller);
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, caller.UserId.ToString()),
            new Claim(ClaimTypes.Name, caller.UserEmail),
            new Claim(ClaimTypes.Role, caller.Role.ToWire()),
            new Claim(HangarClaims.Organization, caller.OrganizationId.ToString()),
            new Claim(HangarClaims.Credential, caller.CredentialId.ToString("N", CultureInfo.InvariantCulture)),
        ], scheme);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), scheme));
    }
}
