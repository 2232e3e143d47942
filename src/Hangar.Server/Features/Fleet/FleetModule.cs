namespace Hangar.Server.Features.Fleet;

internal static class FleetModule
{
    /// <summary>The fleet gauges of <c>/metrics</c> (the fleet summary API comes to this feature later).</summary>
    public static IServiceCollection AddFleet(this IServiceCollection services)
    {
        services.AddSingleton<FleetGauges>();
        services.AddSingleton<FleetSnapshotRefresher>();
        services.AddHostedService(provider => provider.GetRequiredService<FleetSnapshotRefresher>());
        return services;
    }
}
