using System.Net;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Webhooks;

/// <summary>
/// Which addresses a webhook may connect to: public unicast only, unless the operator allow-lists a network. Checked
/// on the resolved addresses at connect time (<see cref="WebhookConnector"/>), so DNS rebinding cannot slip past a
/// check made earlier on the name.
/// </summary>
internal sealed class WebhookAddressPolicy(IOptions<WebhooksOptions> options)
{
    private static readonly (IPNetwork Network, string Kind)[] Internal =
    [
        (IPNetwork.Parse("0.0.0.0/8"), "unspecified"),
        (IPNetwork.Parse("10.0.0.0/8"), "private"),
        (IPNetwork.Parse("100.64.0.0/10"), "carrier-grade NAT"),
        (IPNetwork.Parse("127.0.0.0/8"), "loopback"),
        (IPNetwork.Parse("169.254.0.0/16"), "link-local"),
        (IPNetwork.Parse("172.16.0.0/12"), "private"),
        (IPNetwork.Parse("192.0.0.0/24"), "reserved"),
        (IPNetwork.Parse("192.0.2.0/24"), "documentation"),
        (IPNetwork.Parse("192.88.99.0/24"), "6to4 relay"),
        (IPNetwork.Parse("192.168.0.0/16"), "private"),
        (IPNetwork.Parse("198.18.0.0/15"), "benchmarking"),
        (IPNetwork.Parse("198.51.100.0/24"), "documentation"),
        (IPNetwork.Parse("203.0.113.0/24"), "documentation"),
        (IPNetwork.Parse("224.0.0.0/4"), "multicast"),
        (IPNetwork.Parse("240.0.0.0/4"), "reserved"),
        (IPNetwork.Parse("::/128"), "unspecified"),
        (IPNetwork.Parse("::1/128"), "loopback"),
        // Addresses that carry an IPv4 address inside could reach any internal IPv4 host.
        (IPNetwork.Parse("::ffff:0:0/96"), "IPv4-mapped"),
        (IPNetwork.Parse("::/96"), "IPv4-compatible"),
        (IPNetwork.Parse("64:ff9b::/96"), "NAT64"),
        (IPNetwork.Parse("64:ff9b:1::/48"), "NAT64"),
        (IPNetwork.Parse("2001::/32"), "Teredo"),
        (IPNetwork.Parse("2002::/16"), "6to4"),
        (IPNetwork.Parse("100::/64"), "discard"),
        (IPNetwork.Parse("2001:db8::/32"), "documentation"),
        (IPNetwork.Parse("fc00::/7"), "unique local"),
        (IPNetwork.Parse("fe80::/10"), "link-local"),
        (IPNetwork.Parse("fec0::/10"), "site-local"),
        (IPNetwork.Parse("ff00::/8"), "multicast"),
    ];

    private readonly IPNetwork[] _allowed = options.Value.AllowedNetworks.Select(n => IPNetwork.Parse(n)).ToArray();

    /// <summary>Null when <paramref name="address"/> may be reached, else why not (e.g. "loopback").</summary>
    public string? Refusal(IPAddress address)
    {
        foreach (var (network, kind) in Internal)
        {
            if (network.Contains(address))
            {
                return _allowed.Any(n => n.Contains(address)) ? null : kind;
            }
        }

        return null;
    }
}
