namespace Hangar.Server.Features.DeviceHealth;

/// <summary>Device health: products' health rules, their evaluation over the telemetry rollups, and each device's health.</summary>
internal static class DeviceHealthModule
{
    public static IServiceCollection AddDeviceHealth(this IServiceCollection services)
    {
        services.AddOptions<DeviceHealthOptions>().BindConfiguration(DeviceHealthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<HealthEvaluator>();
        services.AddHostedService(provider => provider.GetRequiredService<HealthEvaluator>());
        return services;
    }

    public static RouteGroupBuilder MapDeviceHealth(this RouteGroupBuilder api)
    {
        api.MapHealthRules();
        api.MapDeviceHealthDetail();
        return api;
    }
}
