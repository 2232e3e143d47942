using System.Net;

namespace Hangar.Server.Hosting.Proxies;

/// <summary>
/// Request feature: the connection came from a trusted proxy (its address). After <see cref="ClientAddressMiddleware"/>
/// the connection's remote address is the client's, so what only a proxy may send besides <c>X-Forwarded-For</c> (a
/// forwarded client certificate) is believed only when this is set.
/// </summary>
internal sealed class TrustedProxyPeer(IPAddress proxy)
{
    public IPAddress Proxy { get; } = proxy;

    public static IPAddress? Of(HttpContext context) => context.Features.Get<TrustedProxyPeer>()?.Proxy;
}
