namespace Hangar.Server.Features.Ddi;

/// <summary>
/// Eclipse hawkBit's Direct Device Integration API (docs/ddi.md): unmodified SWUpdate, RAUC and Zephyr clients poll
/// and report under <c>/{tenant}/controller/v1/{controllerId}</c> on the device listener, and get the same update
/// decisions as the native device API (docs/adr/0007).
/// </summary>
internal static class DdiModule
{
    public const string BasePath = "/{tenant}/controller/v1/{controllerId}";

    public static IServiceCollection AddDdi(this IServiceCollection services)
    {
        services.AddOptions<DdiOptions>().BindConfiguration(DdiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DdiArtifactHashes>();
        services.AddScoped<DdiDeployments>();
        return services;
    }

    public static RouteGroupBuilder MapDdi(this RouteGroupBuilder controller)
    {
        controller.MapDdiRoot();
        controller.MapDdiActions();
        controller.MapDdiFeedback();
        return controller;
    }
}
