using System.Security.Claims;
using Hangar.Server.Features.Ddi.Tokens;
using Hangar.Server.Features.Identity;
using Hangar.Server.Hosting.Authentication;
using Hangar.Server.Hosting.Authorization;
using Hangar.Server.Hosting.Listeners;

namespace Hangar.Server;

/// <summary>
/// Who a request is, per listener: on the device listener a device certificate and nothing else; on the DDI listener
/// a hawkBit target or gateway token and nothing else; on the admin
/// listener an API key or a console session. Each scheme sets the request's tenant once; the Admin API's permissions
/// are authorization policies, and a route that declares nothing is refused.
/// </summary>
internal static class RequestIdentity
{
    /// <summary>The default scheme, which authenticates every request before the rate limiter: the listener's own scheme.</summary>
    public const string ListenerScheme = "Listener";

    /// <summary>The device API's policy: a device, proved by its certificate.</summary>
    public const string DevicePolicy = "device";

    /// <summary>hawkBit DDI's policy: a device, proved by its certificate (device listener) or a DDI token (DDI listener).</summary>
    public const string DdiPolicy = "ddi";

    public static IServiceCollection AddRequestIdentity(this IServiceCollection services)
    {
        services.AddAuthentication(ListenerScheme)
            .AddCallerSchemes()
            .AddPolicyScheme(ListenerScheme, null, listener => listener.ForwardDefaultSelector = context => ListenerGuardMiddleware.ListenerOf(context) switch
            {
                ListenerKind.Device => DeviceCertificateAuthenticationHandler.SchemeName,
                ListenerKind.Ddi => DdiTokenAuthenticationHandler.SchemeName,
                _ => CallerSchemes.Caller,
            });
        services.AddPermissionPolicies()
            .AddAuthorizationBuilder()
            .AddPolicy(DevicePolicy, device => device.RequireClaim(HangarClaims.Device).RequireAssertion(context => IsDeviceCertificate(context.User)))
            .AddPolicy(DdiPolicy, ddi => ddi.RequireClaim(HangarClaims.Device)
                .RequireAssertion(context => IsDeviceCertificate(context.User) || IsDdiToken(context.User)));
        return services;
    }

    /// <summary>
    /// The device policy names no scheme: the listener's scheme already authenticated the request, and naming one
    /// again makes the policy evaluator authenticate a second time and merge the result into a new principal. The
    /// principal must still come from the device certificate scheme, so an API key or a session never passes.
    /// </summary>
    private static bool IsDeviceCertificate(ClaimsPrincipal user) =>
        user.Identity is { IsAuthenticated: true, AuthenticationType: DeviceCertificateAuthenticationHandler.SchemeName };

    private static bool IsDdiToken(ClaimsPrincipal user) =>
        user.Identity is { IsAuthenticated: true, AuthenticationType: DdiTokenAuthenticationHandler.SchemeName };
}
