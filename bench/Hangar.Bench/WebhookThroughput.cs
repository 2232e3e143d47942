using System.Diagnostics;
using System.Net;
using Hangar.Contracts.Access;
using Hangar.Contracts.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Hangar.Bench;

/// <summary>Events created through the API (8 callers in parallel) until the loopback receiver has every delivery.</summary>
internal static class WebhookThroughput
{
    public static async Task RunAsync(int events)
    {
        foreach (var perEndpoint in new[] { 4, 16 })
        {
            var (server, owner) = await BenchServer.StartAsync(new() { ["Webhooks:MaxConcurrencyPerEndpoint"] = perEndpoint.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            await using (server)
            {
                var received = 0;
                var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var builder = WebApplication.CreateSlimBuilder();
                builder.Logging.ClearProviders();
                builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
                await using var receiver = builder.Build();
                receiver.Run(async context =>
                {
                    using var reader = new StreamReader(context.Request.Body);
                    await reader.ReadToEndAsync();
                    if (Interlocked.Increment(ref received) == events)
                    {
                        all.TrySetResult();
                    }
                });
                await receiver.StartAsync();
                await owner.Webhooks.CreateAsync(new CreateWebhookRequest(receiver.Urls.First() + "/hook", ["api_key.created"]));

                var clock = Stopwatch.StartNew();
                var next = 0;
                await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
                {
                    while (Interlocked.Increment(ref next) <= events)
                    {
                        await owner.ApiKeys.CreateAsync(new CreateApiKeyRequest("bench", "viewer"));
                    }
                }));
                var created = clock.Elapsed;
                await all.Task.WaitAsync(TimeSpan.FromMinutes(10));
                var delivered = clock.Elapsed;
                Console.WriteLine($"webhooks: {events} events, per-endpoint limit {perEndpoint}: created in {created.TotalSeconds:0.00} s " +
                    $"({events / created.TotalSeconds:0} events/s); all delivered after {delivered.TotalSeconds:0.00} s " +
                    $"({events / delivered.TotalSeconds:0} deliveries/s end to end)");
            }
        }
    }
}
