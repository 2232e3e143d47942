using Hangar.Server.Features.Firmware;
using Hangar.Server.Hosting.Database;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Updates;

/// <summary>The update check and update status reporting, for devices and for back ends acting for them.</summary>
internal static class UpdatesModule
{
    public static IServiceCollection AddUpdates(this IServiceCollection services)
    {
        services.AddOptions<UpdatesOptions>().BindConfiguration(UpdatesOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(provider => provider.GetRequiredService<DatabaseConnection>()
            .CreateQueries(provider.GetRequiredService<IOptions<UpdatesOptions>>().Value.PostgresConnections));
        services.AddSingleton<DeviceSnapshotLookup>();
        services.AddSingleton<ReleaseGraphCache>();
        services.AddSingleton<UpdateManifestCache>();
        services.AddSingleton<IRevokedSignatureCaches>(provider => provider.GetRequiredService<UpdateManifestCache>());
        services.AddSingleton<UpdateDownloadUrls>();
        services.AddScoped<UpdateCheck>();
        services.AddScoped<UpdateStatusRecorder>();
        return services;
    }

    public static RouteGroupBuilder MapUpdates(this RouteGroupBuilder api)
    {
        api.MapAdminUpdateCheck();
        api.MapDeviceUpdateList();
        return api;
    }
}
