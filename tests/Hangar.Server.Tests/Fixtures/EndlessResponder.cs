using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Hangar.Server.Tests.Fixtures;

/// <summary>
/// A raw TCP HTTP/1.1 endpoint on 127.0.0.1:0 that answers every request with a 1 GB body and counts the bytes it got
/// onto the wire before the client hung up. Raw sockets, because Kestrel quietly drops writes after a client leaves.
/// </summary>
public sealed class EndlessResponder : IAsyncDisposable
{
    private const long Gigabyte = 1L << 30;
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;
    private long _written;

    public EndlessResponder()
    {
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/hook");
        _serving = ServeAsync();
    }

    public Uri Url { get; }

    public long Written => Interlocked.Read(ref _written);

    public TaskCompletionSource HungUp { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task ServeAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                await using var stream = client.GetStream();
                var buffer = new byte[64 * 1024];
                _ = await stream.ReadAsync(buffer, _stop.Token);
                await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Length: {Gigabyte}\r\nContent-Type: text/plain\r\n\r\n"), _stop.Token);
                try
                {
                    while (Written < Gigabyte)
                    {
                        await stream.WriteAsync(buffer, _stop.Token);
                        Interlocked.Add(ref _written, buffer.Length);
                    }
                }
                catch (IOException)
                {
                    HungUp.TrySetResult();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _serving;
        _stop.Dispose();
    }
}
