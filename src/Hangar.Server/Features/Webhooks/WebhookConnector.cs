using System.Net;
using System.Net.Sockets;

namespace Hangar.Server.Features.Webhooks;

/// <summary>
/// The socket connect step of the webhook HTTP client: resolves the host itself, checks every address against the
/// <see cref="WebhookAddressPolicy"/>, and connects only to the addresses it checked. No redirect, proxy or second
/// lookup happens in between, so a name that resolves differently later (DNS rebinding) changes nothing.
/// </summary>
internal sealed class WebhookConnector(WebhookAddressPolicy policy)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken);
        if (addresses.Length == 0)
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }

        // One internal address is enough to refuse: the resolver's order must not decide what gets reached.
        foreach (var address in addresses)
        {
            if (policy.Refusal(address) is { } kind)
            {
                throw new WebhookAddressRefusedException(host, address, kind);
            }
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
