using Hangar.Server.Features.Identity;
using Hangar.Server.Hosting.Authentication;
using Hangar.Server.Hosting.Authorization;
using Hangar.Server.Hosting.Listeners;

namespace Hangar.Server;

/// <summary>
/// Who a request is, per listener: on the device listener a device certificate and nothing else; on the admin
/// listener an API key or a console session. Each scheme sets the request's tenant once; the Admin API's permissions
/// are authorization policies, and a route that declares nothing is refused.
/// </summary>
internal static class RequestIdentity
{
    /// <summary>The default scheme, which authenticates every request before the rate limiter: the listener's own scheme.</summary>
    public const string ListenerScheme = "Listener";

    /// <summary>The device API's policy: a device, proved by its certificate.</summary>
    public const string DevicePolicy = "device";

    public static IServiceCollection AddRequestIdentity(this IServiceCollection services)
    {
        services.AddAuthentication(ListenerScheme)
            .AddCallerSchemes()
            .AddPolicyScheme(ListenerScheme, null, listener => listener.ForwardDefaultSelector = context =>
                ListenerGuardMiddleware.ListenerOf(context) == ListenerKind.Device ? DeviceCertificateAuthenticationHandler.SchemeName : CallerSchemes.Caller);
        services.AddPermissionPolicies()
            .AddAuthorizationBuilder()
            .AddPolicy(DevicePolicy, device => device.AddAuthenticationSchemes(DeviceCertificateAuthenticationHandler.SchemeName).RequireClaim(HangarClaims.Device));
        return services;
    }
}
