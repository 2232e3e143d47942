using System.Net;
using System.Net.Sockets;

namespace Hangar.Server.Tests.Fixtures;

/// <summary>Connections from another loopback address (127.0.0.2, …): a second client location on one machine.</summary>
public static class LoopbackSource
{
    public static SocketsHttpHandler Handler(IPAddress localAddress) => new()
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(localAddress.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Bind(new IPEndPoint(localAddress, 0));
                await socket.ConnectAsync(IPAddress.Parse(context.DnsEndPoint.Host), context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
