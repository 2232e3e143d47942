using System.Diagnostics;
using Hangar.Contracts.Access;

namespace Hangar.Bench;

/// <summary>N subscribers on GET /api/v1/events/stream; M events created; time until every subscriber has all M.</summary>
internal static class StreamFanout
{
    public static async Task RunAsync(int subscribers, int events)
    {
        var (server, owner) = await BenchServer.StartAsync([]);
        await using (server)
        {
            var start = (await owner.Events.ListAsync()).Data[^1].Id;
            using var stop = new CancellationTokenSource();
            var clock = new Stopwatch();
            var latencies = new double[subscribers];
            var readers = Enumerable.Range(0, subscribers).Select(async i =>
            {
                var count = 0;
                await foreach (var _ in owner.Events.StreamAsync("type:'api_key.created'", start, cancellationToken: stop.Token))
                {
                    if (++count == events)
                    {
                        latencies[i] = clock.Elapsed.TotalSeconds;
                        return;
                    }
                }
            }).ToList();

            clock.Start();
            for (var i = 0; i < events; i++)
            {
                await owner.ApiKeys.CreateAsync(new CreateApiKeyRequest("fanout", "viewer"));
            }

            var created = clock.Elapsed.TotalSeconds;
            await Task.WhenAll(readers).WaitAsync(TimeSpan.FromMinutes(5));
            var last = latencies.Max();
            Console.WriteLine($"stream: {subscribers} subscribers x {events} events: created in {created:0.00} s; every subscriber had every event " +
                $"after {last:0.00} s ({subscribers * events / last:0} event messages/s; includes the 1 s settle window)");
            await stop.CancelAsync();
        }
    }
}
