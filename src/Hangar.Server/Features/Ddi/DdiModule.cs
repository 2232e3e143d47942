using Hangar.Server.Features.Ddi.Admin;
using Hangar.Server.Features.Ddi.Tokens;
using Hangar.Server.Hosting;
using Microsoft.AspNetCore.Authentication;

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
        services.AddScoped<DdiArtifactHashes>();
        services.AddScoped<DdiDeployments>();
        services.AddScoped<DdiTokenVerifier>();
        services.AddSingleton(new RetiredSetting("Ddi:FailedTokensPerAddressPerMinute",
            "refused DDI tokens count with refused API keys in RateLimits:RefusedCredentialsPerAddressPerMinute (docs/adr/0015-client-address.md)."));
        services.AddSingleton<DdiTokenFailureRecorder>();
        services.AddSingleton<DdiControllerProvisioner>();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, DdiTokenAuthenticationHandler>(DdiTokenAuthenticationHandler.SchemeName, null);
        return services;
    }

    /// <summary>The Admin API's side: gateway tokens, and a device's target token and attributes.</summary>
    public static RouteGroupBuilder MapDdiAdmin(this RouteGroupBuilder api)
    {
        api.MapDdiTargets();
        api.MapDdiGatewayTokens();
        return api;
    }

    public static RouteGroupBuilder MapDdi(this RouteGroupBuilder controller)
    {
        controller.MapDdiRoot();
        controller.MapDdiActions();
        controller.MapDdiFeedback();
        controller.MapDdiArtifacts();
        controller.MapDdiConfigData();
        return controller;
    }
}
