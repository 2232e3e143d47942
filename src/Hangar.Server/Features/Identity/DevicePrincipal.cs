using System.Globalization;
using System.Security.Claims;
using Hangar.Server.Hosting.Authentication;

namespace Hangar.Server.Features.Identity;

/// <summary>The claims of an authenticated device, as the rate limiter, authorization and logging read them.</summary>
internal static class DevicePrincipal
{
    public static ClaimsPrincipal Of(DeviceIdentity identity) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, identity.DeviceId.ToString()),
        new Claim(HangarClaims.Device, identity.DeviceId.ToString()),
        new Claim(HangarClaims.Organization, identity.OrganizationId.ToString()),
        new Claim(HangarClaims.Credential, identity.CertificateId.ToString("N", CultureInfo.InvariantCulture)),
    ], DeviceCertificateAuthenticationHandler.SchemeName));
}
