using System.Net;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Tunnels;

/// <summary>
/// The user side's address for the CIDR allow-list: the peer's, or behind a proxy listed in
/// <c>Tunnels:TrustedProxies</c> the last address that proxy appended to <c>X-Forwarded-For</c>. Earlier entries
/// were written by the client and prove nothing.
/// </summary>
internal sealed class TunnelClientAddress(IOptions<TunnelsOptions> options)
{
    private readonly HashSet<IPAddress> _proxies = options.Value.TrustedProxies.Select(IPAddress.Parse).Select(Plain).ToHashSet();

    public IPAddress? Of(HttpContext http)
    {
        var peer = http.Connection.RemoteIpAddress is { } remote ? Plain(remote) : null;
        if (peer is null || !_proxies.Contains(peer))
        {
            return peer;
        }

        var forwarded = http.Request.Headers["X-Forwarded-For"].ToString().Split(',').LastOrDefault()?.Trim();
        return IPAddress.TryParse(forwarded, out var client) ? Plain(client) : peer;
    }

    private static IPAddress Plain(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
