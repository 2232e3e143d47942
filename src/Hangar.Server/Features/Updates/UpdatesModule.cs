namespace Hangar.Server.Features.Updates;

/// <summary>The update check and update status reporting, for devices and for back ends acting for them.</summary>
internal static class UpdatesModule
{
    public static IServiceCollection AddUpdates(this IServiceCollection services)
    {
        services.AddOptions<UpdatesOptions>().BindConfiguration(UpdatesOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SqliteSnapshotConnections>();
        services.AddSingleton<PostgresSnapshotConnections>();
        services.AddSingleton<DeviceSnapshotLookup>();
        services.AddSingleton<ReleaseGraphCache>();
        services.AddSingleton<UpdateManifestCache>();
        services.AddSingleton<UpdateAnswerBodies>();
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
