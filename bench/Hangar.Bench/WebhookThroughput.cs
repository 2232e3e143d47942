using System.Diagnostics;
using System.Net;
using Hangar.Contracts.Access;
using Hangar.Contracts.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Hangar.Bench;

/// <summary>
/// Events created through the API (8 callers in parallel) until the loopback receiver has every delivery; the baseline,
/// in the same run, is the same number of plain POSTs of a delivery-sized body to the same receiver with the same
/// concurrency as the dispatcher's per-endpoint limit — what the network and receiver alone allow.
/// </summary>
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
                var baselineReceived = 0;
                var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var builder = WebApplication.CreateSlimBuilder();
                builder.Logging.ClearProviders();
                builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
                await using var receiver = builder.Build();
                receiver.Run(async context =>
                {
                    using var reader = new StreamReader(context.Request.Body);
                    await reader.ReadToEndAsync();
                    if (context.Request.Path == "/baseline")
                    {
                        Interlocked.Increment(ref baselineReceived);
                        return;
                    }

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
                var baseline = await PlainPostsPerSecondAsync(new Uri(receiver.Urls.First() + "/baseline"), events, perEndpoint);
                var commits = await SqliteCommitRate.MeasureAsync(server.DataDirectory, events);
                Console.WriteLine($"webhooks: {events} events, per-endpoint limit {perEndpoint}: created in {created.TotalSeconds:0.00} s " +
                    $"({events / created.TotalSeconds:0} events/s); all delivered after {delivered.TotalSeconds:0.00} s " +
                    $"({events / delivered.TotalSeconds:0} deliveries/s end to end); plain POSTs at the same concurrency: {baseline:0}/s " +
                    $"(deliveries at {events / delivered.TotalSeconds / baseline:P1} of it); SQLite commits in the same data directory: {commits:0}/s " +
                    $"(an event and its delivery take 4 commits: {4.0 * events / delivered.TotalSeconds / commits:P0} of the commit rate)");
            }
        }
    }

    private static async Task<double> PlainPostsPerSecondAsync(Uri target, int posts, int concurrency)
    {
        using var http = new HttpClient(new SocketsHttpHandler(), disposeHandler: true);
        var body = new string('x', 400);
        var clock = Stopwatch.StartNew();
        var next = 0;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) <= posts)
            {
                using var response = await http.PostAsync(target, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
                response.EnsureSuccessStatusCode();
            }
        }));
        return posts / clock.Elapsed.TotalSeconds;
    }
}
