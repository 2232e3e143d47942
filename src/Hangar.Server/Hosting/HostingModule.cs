using Hangar.Contracts;
using Hangar.Server.Hosting.Leases;
using Hangar.Server.Hosting.Listeners;
using Hangar.Server.Hosting.Locks;
using Hangar.Server.Hosting.Logging;
using Hangar.Server.Hosting.OpenApi;
using Hangar.Server.Hosting.Problems;
using Hangar.Server.Hosting.Proxies;
using Hangar.Server.Hosting.RateLimiting;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Hosting;

internal static class HostingModule
{
    private static readonly Dictionary<string, string> FlagAliases = new()
    {
        ["--admin-url"] = $"{ServerOptions.Section}:AdminUrl",
        ["--device-url"] = $"{ServerOptions.Section}:DeviceUrl",
        ["--ddi-url"] = $"{ServerOptions.Section}:DdiUrl",
        ["--data"] = $"{ServerOptions.Section}:DataDirectory",
    };

    /// <summary>Configuration sources, later wins: appsettings, <c>HANGAR_</c> environment variables (<c>HANGAR_Server__AdminUrl</c>), flags.</summary>
    public static WebApplicationBuilder AddHangarConfiguration(this WebApplicationBuilder builder, string[] args)
    {
        builder.Configuration.AddEnvironmentVariables("HANGAR_");
        builder.Configuration.AddCommandLine(args, FlagAliases);
        return builder;
    }

    public static IServiceCollection AddHangarHosting(this IServiceCollection services)
    {
        services.AddOptions<ServerOptions>().BindConfiguration(ServerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<ServerOptions>, ServerOptionsValidator>();
        services.AddSingleton<IValidateOptions<ServerOptions>, RetiredSettingsValidator>();
        services.AddClientAddresses();
        services.AddSingleton<TimeProvider, MicrosecondTimeProvider>();
        // The first hosted service: nothing else starts on a data directory another server uses.
        services.AddHostedService<DataDirectoryLock>();
        services.AddSingleton<ListenerRegistry>();
        services.AddSingleton<LeaseTable>();
        services.AddOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>().Configure(KestrelListeners.Configure);
        services.AddSingleton<IMemoryPoolFactory<byte>, LargeBlockMemoryPoolFactory>();
        services.AddOptions<HostOptions>().Configure<IOptions<ServerOptions>>((host, server) =>
            host.ShutdownTimeout = TimeSpan.FromSeconds(server.Value.ShutdownTimeoutSeconds));

        services.ConfigureHttpJsonOptions(json => HangarJson.Configure(json.SerializerOptions));
        services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = ProblemDetailsDefaults.Customize);
        services.AddExceptionHandler<ExceptionProblemHandler>();
        services.AddSecretSafeLogging();
        services.AddHangarRateLimiting();
        services.AddHangarOpenApi();
        return services;
    }
}
