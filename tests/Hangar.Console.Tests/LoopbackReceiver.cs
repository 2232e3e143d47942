using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Hangar.Console.Tests;

/// <summary>
/// A webhook endpoint on 127.0.0.1 that answers every request 204 and keeps each one's headers and body. Plain HTTP/1.1
/// over a socket, one request per connection (it answers <c>Connection: close</c>): enough for the server's deliveries.
/// </summary>
internal sealed class LoopbackReceiver : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public LoopbackReceiver()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/hook");

    public ConcurrentQueue<(IReadOnlyDictionary<string, string> Headers, string Body)> Received { get; } = new();

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                await using var stream = client.GetStream();
                Received.Enqueue(await ReadAsync(stream));
                await stream.WriteAsync("HTTP/1.1 204 No Content\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray(), _stop.Token);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or IOException)
        {
            // Stopped.
        }
    }

    private async Task<(IReadOnlyDictionary<string, string>, string)> ReadAsync(NetworkStream stream)
    {
        var bytes = new List<byte>();
        var buffer = new byte[4096];
        int end;
        while ((end = HeaderEnd(bytes)) < 0)
        {
            var read = await stream.ReadAsync(buffer, _stop.Token);
            if (read == 0)
            {
                throw new IOException("the request ended before its headers did");
            }

            bytes.AddRange(buffer.AsSpan(0, read));
        }

        var lines = Encoding.ASCII.GetString([.. bytes.Take(end)]).Split("\r\n").Skip(1);
        var headers = lines.Select(l => l.Split(':', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0].Trim().ToLowerInvariant(), p => p[1].Trim(), StringComparer.Ordinal);
        var length = int.Parse(headers.GetValueOrDefault("content-length", "0"), System.Globalization.CultureInfo.InvariantCulture);
        while (bytes.Count - end - 4 < length)
        {
            var read = await stream.ReadAsync(buffer, _stop.Token);
            if (read == 0)
            {
                throw new IOException("the request ended before its body did");
            }

            bytes.AddRange(buffer.AsSpan(0, read));
        }

        return (headers, Encoding.UTF8.GetString([.. bytes.Skip(end + 4).Take(length)]));
    }

    private static int HeaderEnd(List<byte> bytes)
    {
        for (var i = 0; i + 3 < bytes.Count; i++)
        {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
