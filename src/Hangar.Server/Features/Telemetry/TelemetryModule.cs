using Hangar.Data.Postgres;
using Hangar.Data.Sqlite;
using Hangar.Data.Telemetry;
using Hangar.Server.Hosting.Database;

namespace Hangar.Server.Features.Telemetry;

/// <summary>Telemetry: the device intake, its write queue and writer, rollups and retention, and the metric queries.</summary>
internal static class TelemetryModule
{
    public static IServiceCollection AddTelemetry(this IServiceCollection services)
    {
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ITelemetryStatements>(provider => provider.GetRequiredService<DatabaseConnection>() is var connection
            && connection.Provider == DatabaseProvider.Postgres
            ? new PostgresTelemetryStatements(connection.ConnectionString)
            : new SqliteTelemetryStatements(connection.ConnectionString));
        services.AddSingleton<TelemetryQueue>();
        services.AddSingleton<TelemetrySeriesRegistry>();
        services.AddSingleton<TelemetryIntake>();
        services.AddSingleton<TelemetryFrames>();
        services.AddHostedService<TelemetryWriter>();
        services.AddSingleton<TelemetryMaintenance>();
        services.AddHostedService(provider => provider.GetRequiredService<TelemetryMaintenance>());
        return services;
    }

    public static RouteGroupBuilder MapTelemetry(this RouteGroupBuilder api)
    {
        api.MapDeviceMetrics();
        api.MapFleetMetrics();
        return api;
    }
}
