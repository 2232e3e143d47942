using System.Net;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Hosting.Proxies;

/// <summary>
/// <c>Server:TrustedProxies</c>: the reverse proxies (addresses, or CIDR networks) whose <c>X-Forwarded-For</c> the
/// server believes, on every listener (docs/adr/0015-client-address.md). Everyone else's is ignored.
/// </summary>
internal sealed class TrustedProxies(IOptions<ServerOptions> options)
{
    private readonly IPNetwork[] _networks = [.. options.Value.TrustedProxies.Select(entry => TryParse(entry, out var network) ? network : throw new OptionsValidationException(
        ServerOptions.Section, typeof(ServerOptions), [$"Server:TrustedProxies: '{entry}' is not an IP address or CIDR network."]))];

    public IReadOnlyList<IPNetwork> Networks => _networks;

    public bool Contains(IPAddress address)
    {
        // A v4 peer on a dual-stack socket shows as ::ffff:a.b.c.d; the setting names it as a.b.c.d.
        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        foreach (var network in _networks)
        {
            if (network.Contains(plain))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An address (a network of one) or a CIDR network with no bits set past its prefix.</summary>
    public static bool TryParse(string entry, out IPNetwork network)
    {
        if (entry.Contains('/', StringComparison.Ordinal))
        {
            return IPNetwork.TryParse(entry, out network);
        }

        if (IPAddress.TryParse(entry, out var address))
        {
            network = new IPNetwork(address, address.GetAddressBytes().Length * 8);
            return true;
        }

        network = default;
        return false;
    }
}
