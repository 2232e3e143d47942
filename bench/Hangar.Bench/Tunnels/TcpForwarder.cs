using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Hangar.Bench.Tunnels;

/// <summary>
/// The tunnel benchmark's floor: a process that only forwards TCP (<c>Hangar.Bench tcp-forward PORT</c>). It listens on
/// 127.0.0.1 and connects every accepted connection to 127.0.0.1:PORT, copying both ways through one 64 KiB buffer
/// per direction (the relay's shape) with nothing else: no TLS, no WebSocket framing, no authentication. Three of
/// them in a row cross as many processes and loopback hops as the tunnel (CLI, server, agent), so what they reach on
/// the same cores is what any relay of that shape could reach here.
/// </summary>
internal static class TcpForwarder
{
    public const string ListeningLine = "tcp-forward: listening on port ";
    private const int BufferBytes = 64 * 1024;

    public static async Task<int> RunAsync(int targetPort)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Console.WriteLine(ListeningLine + ((IPEndPoint)listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture));
        while (true)
        {
            var accepted = await listener.AcceptSocketAsync();
            _ = ForwardAsync(accepted, targetPort);
        }
    }

    private static async Task ForwardAsync(Socket accepted, int targetPort)
    {
        using (accepted)
        using (var target = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true })
        {
            accepted.NoDelay = true;
            try
            {
                await target.ConnectAsync(new IPEndPoint(IPAddress.Loopback, targetPort));
                await Task.WhenAll(CopyAsync(accepted, target), CopyAsync(target, accepted));
            }
            catch (SocketException)
            {
                // Either side dropped: the connection is over.
            }
        }
    }

    private static async Task CopyAsync(Socket from, Socket to)
    {
        var buffer = new byte[BufferBytes];
        int read;
        while ((read = await from.ReceiveAsync(buffer, SocketFlags.None)) > 0)
        {
            await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None);
        }

        to.Shutdown(SocketShutdown.Send);
    }
}
