using Hangar.Server.Hosting;

namespace Hangar.Server.Features.Tunnels;

/// <summary>Remote access tunnels: the resource, the relay between users' and agents' WebSockets, and the sweep that ends them.</summary>
internal static class TunnelsModule
{
    public static IServiceCollection AddTunnels(this IServiceCollection services)
    {
        services.AddOptions<TunnelsOptions>().BindConfiguration(TunnelsOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.DefaultTtlSeconds <= o.MaxTtlSeconds, "Tunnels:DefaultTtlSeconds must not exceed Tunnels:MaxTtlSeconds.")
            .Validate(o => o.MaxTtlSeconds <= o.MaxLifetimeSeconds, "Tunnels:MaxTtlSeconds must not exceed Tunnels:MaxLifetimeSeconds.")
            .ValidateOnStart();
        services.AddSingleton(new RetiredSetting("Tunnels:TrustedProxies",
            "list the proxies in Server:TrustedProxies, which every listener's client address now uses (docs/adr/0015-client-address.md)."));
        services.AddSingleton<TunnelRelay>();
        services.AddSingleton<TunnelPump>();
        services.AddSingleton<TunnelLifecycle>();
        services.AddSingleton<TunnelFrames>();
        services.AddHostedService(provider => provider.GetRequiredService<TunnelFrames>());
        services.AddHostedService<TunnelAnswers>();
        services.AddSingleton<TunnelSweeper>();
        services.AddHostedService(provider => provider.GetRequiredService<TunnelSweeper>());
        return services;
    }
}
