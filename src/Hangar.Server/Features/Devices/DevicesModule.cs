namespace Hangar.Server.Features.Devices;

/// <summary>The fleet: products, cohorts and devices.</summary>
internal static class DevicesModule
{
    public static RouteGroupBuilder MapFleet(this RouteGroupBuilder api)
    {
        api.MapProducts();
        api.MapCohorts();
        api.MapDevices();
        return api;
    }
}
