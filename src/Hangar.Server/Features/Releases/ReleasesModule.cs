using Hangar.Server.Features.Devices;

namespace Hangar.Server.Features.Releases;

/// <summary>Releases (the cohort release graph, halts, rollbacks, statistics) and bundle overrides.</summary>
internal static class ReleasesModule
{
    public static IServiceCollection AddReleases(this IServiceCollection services)
    {
        services.AddOptions<RetryWindowOptions>().BindConfiguration(RetryWindowOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IDeviceDepartures, PhaseClaimRelease>();
        return services;
    }

    public static RouteGroupBuilder MapReleasesApi(this RouteGroupBuilder api)
    {
        api.MapReleases();
        api.MapBundleOverrides();
        return api;
    }
}
