using Hangar.Server.Features.Devices;
using Hangar.Server.Hosting;
using Hangar.Server.Hosting.Listeners;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Identity;

/// <summary>Device identity: device and CA certificates, just-in-time provisioning and the device listener's authentication.</summary>
internal static class IdentityModule
{
    public static IServiceCollection AddDeviceIdentity(this IServiceCollection services)
    {
        services.AddOptions<DeviceIdentityOptions>().BindConfiguration(DeviceIdentityOptions.Section).ValidateDataAnnotations()
            .Validate<IOptions<ServerOptions>>((o, server) => !o.AcceptForwardedCertificates || server.Value.TrustedProxies.Count > 0,
                "DeviceIdentity:AcceptForwardedCertificates needs Server:TrustedProxies: forwarded certificates are read only from those proxies.")
            .ValidateOnStart();
        services.AddSingleton(new RetiredSetting("DeviceIdentity:TrustedProxies",
            "list the proxies in Server:TrustedProxies and set DeviceIdentity:AcceptForwardedCertificates=true (docs/adr/0015-client-address.md)."));
        services.AddOptions<DeviceListenerOptions>().Configure<IOptions<DeviceIdentityOptions>>((listener, identity) =>
            listener.CertificateOptional = identity.Value.AcceptForwardedCertificates);
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, DeviceCertificateAuthenticationHandler>(DeviceCertificateAuthenticationHandler.SchemeName, null);
        services.AddSingleton<ForwardedCertificates>();
        services.AddSingleton<DeviceAuthenticationCache>();
        services.AddSingleton<IRevokedCertificateCaches>(provider => provider.GetRequiredService<DeviceAuthenticationCache>());
        services.AddSingleton<LastConnectedStamps>();
        services.AddSingleton<AuthenticationFailureThrottle>();
        services.AddSingleton<AuthenticationFailureRecorder>();
        services.AddSingleton<CertificateUseRecorder>();
        services.AddSingleton<CertificateAddressTracker>();
        services.AddSingleton<SharedCertificateCheck>();
        services.AddSingleton<DeviceAuthenticationMetrics>();
        services.AddScoped<DeviceAuthenticator>();
        services.AddScoped<JitProvisioner>();
        return services;
    }

    public static RouteGroupBuilder MapDeviceIdentity(this RouteGroupBuilder api)
    {
        api.MapDeviceImport();
        api.MapDeviceCertificates();
        api.MapCaCertificates();
        api.MapServerCa();
        return api;
    }
}
