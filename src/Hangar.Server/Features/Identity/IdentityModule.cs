namespace Hangar.Server.Features.Identity;

/// <summary>Device identity: device and CA certificates, just-in-time provisioning and the device listener's authentication.</summary>
internal static class IdentityModule
{
    public static IServiceCollection AddDeviceIdentity(this IServiceCollection services)
    {
        services.AddOptions<DeviceIdentityOptions>().BindConfiguration(DeviceIdentityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DeviceAuthenticationCache>();
        return services;
    }

    public static RouteGroupBuilder MapDeviceIdentity(this RouteGroupBuilder api)
    {
        api.MapDeviceCertificates();
        api.MapCaCertificates();
        return api;
    }
}
