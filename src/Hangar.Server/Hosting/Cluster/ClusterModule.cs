using Hangar.Server.Hosting.Database;

namespace Hangar.Server.Hosting.Cluster;

internal static class ClusterModule
{
    /// <summary>The change signal between nodes: LISTEN/NOTIFY on PostgreSQL, in process on SQLite.</summary>
    public static IServiceCollection AddClusterSignal(this IServiceCollection services)
    {
        services.AddSingleton<ClusterNode>();
        services.AddSingleton<ClusterSubscriptions>();
        services.AddSingleton<InProcessClusterSignal>();
        services.AddSingleton<PostgresClusterSignal>();
        services.AddHostedService(provider => provider.GetRequiredService<PostgresClusterSignal>());
        services.AddSingleton<IClusterSignal>(provider => provider.GetRequiredService<DatabaseConnection>().Provider == DatabaseProvider.Postgres
            ? provider.GetRequiredService<PostgresClusterSignal>()
            : provider.GetRequiredService<InProcessClusterSignal>());
        return services;
    }
}
