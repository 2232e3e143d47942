using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Hosting.Proxies;

/// <summary>Registers the trusted proxies and puts the client-address resolution at the head of the pipeline.</summary>
internal static class ClientAddresses
{
    public static IServiceCollection AddClientAddresses(this IServiceCollection services)
    {
        services.AddSingleton<TrustedProxies>();
        services.AddOptions<ForwardedHeadersOptions>().Configure<TrustedProxies, IOptions<ServerOptions>>((forwarded, proxies, server) =>
        {
            // Only the address: scheme and host come from Firmware:PublicAdminUrl and Access:SecureCookies, not a header.
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
            // The defaults trust loopback; only the configured proxies are trusted here.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var network in proxies.Networks)
            {
                forwarded.KnownIPNetworks.Add(network);
            }

            forwarded.ForwardLimit = server.Value.TrustedProxyHops;
        });
        return services;
    }

    /// <summary>Without trusted proxies nothing is added: every request's peer is its client.</summary>
    public static IApplicationBuilder UseClientAddresses(this IApplicationBuilder app)
    {
        return app.ApplicationServices.GetRequiredService<TrustedProxies>().Networks.Count == 0 ? app : app.UseMiddleware<ClientAddressMiddleware>();
    }
}
