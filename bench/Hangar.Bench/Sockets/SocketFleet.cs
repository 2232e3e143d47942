using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Security;

namespace Hangar.Bench.Sockets;

/// <summary>
/// Many devices, each holding one idle socket to the same server. Opening them all keeps at most
/// <c>concurrency</c> attempts in flight (the driver shares the two cores with the server: more would only queue
/// handshakes); a refused attempt (503) waits its Retry-After with jitter, like the agent. Connections come from four
/// loopback addresses so that 20,000 of them, twice, never run out of ephemeral ports.
/// </summary>
internal sealed class SocketFleet(IPEndPoint server, string path, IReadOnlyList<SslStreamCertificateContext> devices) : IDisposable
{
    private static readonly IPAddress[] LocalAddresses = [.. Enumerable.Range(1, 4).Select(i => IPAddress.Parse($"127.0.0.{i}"))];
    private readonly ControlSocketClient?[] _clients = new ControlSocketClient?[devices.Count];

    public int Open => _clients.Count(c => c is { Open: true });

    /// <summary>Opens every device's socket; returns when all are open or <paramref name="limit"/> has passed.</summary>
    public async Task<FleetResult> ConnectAllAsync(int concurrency, TimeSpan limit)
    {
        var refused = new ConcurrentDictionary<string, int>();
        var errors = new ConcurrentDictionary<string, int>();
        var gate = new SemaphoreSlim(concurrency);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, devices.Count).Select(async index =>
        {
            while (clock.Elapsed < limit)
            {
                await gate.WaitAsync();
                (ControlSocketClient? Client, int RetryAfter, string? Error) attempt;
                try
                {
                    attempt = await ControlSocketClient.ConnectAsync(server, LocalAddresses[index % LocalAddresses.Length], devices[index], path);
                }
                finally
                {
                    gate.Release();
                }

                if (attempt.Client is not null)
                {
                    _clients[index] = attempt.Client;
                    return;
                }

                if (attempt.RetryAfter > 0)
                {
                    refused.AddOrUpdate(attempt.Error ?? "unknown", 1, (_, n) => n + 1);
                    await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1000, 1000 * (attempt.RetryAfter + 1))));
                }
                else
                {
                    errors.AddOrUpdate(attempt.Error ?? "unknown", 1, (_, n) => n + 1);
                    await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(500, 2000)));
                }
            }
        }));
        return new FleetResult(devices.Count, Open, clock.Elapsed, refused.ToDictionary(), errors.ToDictionary());
    }

    /// <summary>Every connection dropped at once (RST), as when a network between the fleet and the server fails.</summary>
    public void DropAll()
    {
        for (var i = 0; i < _clients.Length; i++)
        {
            _clients[i]?.Dispose();
            _clients[i] = null;
        }
    }

    public void Dispose() => DropAll();
}
