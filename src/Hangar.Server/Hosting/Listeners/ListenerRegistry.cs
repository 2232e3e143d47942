using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Hangar.Server.Hosting.Listeners;

/// <summary>The bound listeners. Kestrel writes the real port back into the options after binding, so port 0 works.</summary>
internal sealed class ListenerRegistry
{
    private readonly Dictionary<ListenerKind, (ListenOptions Options, bool Https)> _listeners = [];

    public void Add(ListenerKind kind, ListenOptions options, bool https) => _listeners[kind] = (options, https);

    /// <summary>The base address clients on this machine use, e.g. <c>http://127.0.0.1:4000</c>: a wildcard bind is named by the loopback address.</summary>
    public Uri BaseAddress(ListenerKind kind) =>
        Address(kind, any => (any.Equals(IPAddress.IPv6Any) ? IPAddress.IPv6Loopback : IPAddress.Loopback).ToString());

    /// <summary>
    /// The address to tell other machines: a wildcard bind is named by this machine's host name (the self-generated
    /// certificate covers it), a specific address by itself; the port is the bound one.
    /// </summary>
    public Uri AdvertisedAddress(ListenerKind kind) => Address(kind, _ => Dns.GetHostName());

    private Uri Address(ListenerKind kind, Func<IPAddress, string> wildcardHost)
    {
        var (options, https) = _listeners[kind];
        var endPoint = options.IPEndPoint ?? throw new InvalidOperationException($"{kind} listener is not an IP endpoint");
        var address = endPoint.Address;
        var host = address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) ? wildcardHost(address) : address.ToString();
        return new UriBuilder(https ? "https" : "http", host, endPoint.Port).Uri;
    }
}
