using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Hangar.Server.Hosting.Listeners;

/// <summary>The bound listeners. Kestrel writes the real port back into the options after binding, so port 0 works.</summary>
internal sealed class ListenerRegistry
{
    private readonly Dictionary<ListenerKind, (ListenOptions Options, bool Https)> _listeners = [];

    public void Add(ListenerKind kind, ListenOptions options, bool https) => _listeners[kind] = (options, https);

    /// <summary>The base address clients use, e.g. <c>http://127.0.0.1:4000</c>.</summary>
    public Uri BaseAddress(ListenerKind kind)
    {
        var (options, https) = _listeners[kind];
        var endPoint = options.IPEndPoint ?? throw new InvalidOperationException($"{kind} listener is not an IP endpoint");
        var host = endPoint.Address.Equals(IPAddress.Any) ? IPAddress.Loopback
            : endPoint.Address.Equals(IPAddress.IPv6Any) ? IPAddress.IPv6Loopback
            : endPoint.Address;
        return new UriBuilder(https ? "https" : "http", host.ToString(), endPoint.Port).Uri;
    }

    /// <summary>
    /// The address to tell other machines: a wildcard bind is named by this machine's host name (the self-generated
    /// certificate covers it), a specific address by itself; the port is the bound one.
    /// </summary>
    public Uri AdvertisedAddress(ListenerKind kind)
    {
        var (options, https) = _listeners[kind];
        var endPoint = options.IPEndPoint ?? throw new InvalidOperationException($"{kind} listener is not an IP endpoint");
        var host = endPoint.Address.Equals(IPAddress.Any) || endPoint.Address.Equals(IPAddress.IPv6Any) ? Dns.GetHostName() : endPoint.Address.ToString();
        return new UriBuilder(https ? "https" : "http", host, endPoint.Port).Uri;
    }
}
