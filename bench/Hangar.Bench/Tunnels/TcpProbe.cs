using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace Hangar.Bench.Tunnels;

/// <summary>What the tunnel benchmark measures on one TCP path to the echo service: the same code for direct and tunnel.</summary>
internal static class TcpProbe
{
    private const int Chunk = 64 * 1024;

    /// <summary>
    /// Seconds to push <paramref name="bytes"/> random bytes through the echo and get them all back (both directions
    /// at once, as a copy with acknowledgements would), on one fresh connection, connection set-up included.
    /// </summary>
    public static async Task<double> RoundTripSecondsAsync(int port, long bytes)
    {
        var payload = RandomNumberGenerator.GetBytes(Chunk);
        var clock = Stopwatch.StartNew();
        using var client = await ConnectAsync(port);
        var stream = client.GetStream();
        var writing = Task.Run(async () =>
        {
            for (long sent = 0; sent < bytes; sent += Chunk)
            {
                await stream.WriteAsync(payload.AsMemory(0, (int)Math.Min(Chunk, bytes - sent)));
            }

            client.Client.Shutdown(SocketShutdown.Send);
        });
        var buffer = new byte[Chunk];
        long received = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            received += read;
        }

        await writing;
        var seconds = clock.Elapsed.TotalSeconds;
        return received == bytes ? seconds : throw new InvalidOperationException($"{received} of {bytes} bytes came back on port {port}");
    }

    /// <summary>Round-trip times in milliseconds of <paramref name="count"/> 64-byte messages, one at a time, on one connection.</summary>
    public static async Task<List<double>> MessageRoundTripsAsync(int port, int count)
    {
        using var client = await ConnectAsync(port);
        var stream = client.GetStream();
        var message = RandomNumberGenerator.GetBytes(64);
        var answer = new byte[64];
        // The first exchanges warm the path (JIT, buffers); they are not counted.
        var times = new List<double>(count);
        for (var i = -20; i < count; i++)
        {
            var clock = Stopwatch.StartNew();
            await stream.WriteAsync(message);
            await stream.ReadExactlyAsync(answer);
            if (i >= 0)
            {
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        return times;
    }

    private static async Task<TcpClient> ConnectAsync(int port)
    {
        var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync(IPAddress.Loopback, port);
        return client;
    }
}
