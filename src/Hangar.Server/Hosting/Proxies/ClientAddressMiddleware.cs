using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Hosting.Proxies;

/// <summary>
/// The one place the client address is resolved, first in the pipeline: on a connection from a trusted proxy,
/// ASP.NET Core's forwarded-headers logic replaces <c>HttpContext.Connection.RemoteIpAddress</c> with the address
/// that proxy appended to <c>X-Forwarded-For</c> (walking right to left through at most <c>Server:TrustedProxyHops</c>
/// entries, and only while each hop is itself a trusted proxy). Rate limits, the refused-credential guard, the tunnel
/// allow-list, audit rows and presence then all read the same address. A connection from anywhere else is left as it
/// is, its <c>X-Forwarded-For</c> unread: a client cannot pick its own address.
/// </summary>
internal sealed class ClientAddressMiddleware(RequestDelegate next, TrustedProxies proxies, IOptions<ForwardedHeadersOptions> options, ILoggerFactory loggers)
{
    // Used for its ApplyForwarders only; the pipeline continues here, after the trust check it also needs.
    private readonly ForwardedHeadersMiddleware _forwarded = new(next, loggers, options);

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Connection.RemoteIpAddress is { } peer && proxies.Contains(peer))
        {
            context.Features.Set(new TrustedProxyPeer(peer));
            _forwarded.ApplyForwarders(context);
        }

        return next(context);
    }
}
