namespace Hangar.Server.Features.Fleet;

internal static class FleetModule
{
    /// <summary>The fleet gauges of <c>/metrics</c> and the organization's fleet summary.</summary>
    public static IServiceCollection AddFleet(this IServiceCollection services)
    {
        services.AddSingleton<FleetGauges>();
        services.AddSingleton<FleetSnapshotRefresher>();
        services.AddHostedService(provider => provider.GetRequiredService<FleetSnapshotRefresher>());
        return services;
    }

    public static RouteGroupBuilder MapFleetApi(this RouteGroupBuilder api)
    {
        api.MapFleetSummary();
        return api;
    }
}
