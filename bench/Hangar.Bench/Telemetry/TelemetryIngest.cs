using System.Diagnostics;
using System.Net;
using Hangar.Testing.Pki;

namespace Hangar.Bench.Telemetry;

/// <summary>
/// Telemetry ingest on SQLite, end to end: devices POST full batches (5,000 points over 20 metric names) to
/// <c>/device/v1/telemetry</c> over mutual TLS, and the rate that counts is points <em>written</em> (the server's
/// <c>hangar.telemetry.written</c>), not merely accepted into the queue. The baseline, measured in the same round on
/// the same database file, is <see cref="BareTelemetryWriter"/> inserting as many rows. Driver and server share the
/// process and the two cores, as the handshake benchmark's do.
/// </summary>
internal static class TelemetryIngest
{
    private const int Devices = 40;
    private const int Names = BatchBodies.Names;
    private const int TimesPerName = BatchBodies.Instants;

    /// <summary>The server writer's largest transaction (Telemetry:WriteBatchPoints' default), used by the baseline too.</summary>
    private const int WriteBatchPoints = 20_000;

    public static async Task RunAsync(int workers, TimeSpan duration, int rounds)
    {
        var (server, owner) = await BenchServer.StartAsync(new Dictionary<string, string?>
        {
            // The per-device budget is a fairness limit, not a capacity: lifted so 40 devices can fill the node.
            ["Telemetry:PointsPerDevicePerMinute"] = "10000000",
            ["Telemetry:PointsPerDeviceBurst"] = "10000000",
            // Ingest alone: a rollup reads every new point and would run in this process during either measurement.
            ["Telemetry:RollupIntervalSeconds"] = "3600",
        });
        await using (server)
        {
            var certificates = await BenchDevices.RegisterAsync(owner, TestPki.Root("CN=Bench Telemetry CA"), Devices, "telemetry");
            var clients = certificates.Select(c => DeviceHttp.Create(server, c)).ToList();
            using var written = new WrittenPoints();
            // A day's room behind the clock (Telemetry:MaxPastSeconds): 20 hours of batches per device before they near it.
            var bodies = new BatchBodies(Devices, TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(-20));
            Console.WriteLine($"telemetry: {Environment.ProcessorCount} cores, {Devices} devices, batches of {Names * TimesPerName} points ({bodies.Length / 1024} KiB), " +
                $"{workers} senders, {duration.TotalSeconds:0} s per round, {rounds} rounds, SQLite in {server.DataDirectory}");

            // Warm-up: JIT, connections, series creation (the first batch of each device creates its 20 series).
            await DriveAsync(clients, bodies, workers, TimeSpan.FromSeconds(5), written);
            var ratios = new List<double>();
            for (var round = 1; round <= rounds; round++)
            {
                var result = await DriveAsync(clients, bodies, workers, duration, written);
                var (baseline, baselineCpu) = await BareTelemetryWriter.MeasureAsync(Path.Combine(server.DataDirectory, "hangar.db"), Math.Max(result.Written, 100_000),
                    WriteBatchPoints, Names * TimesPerName, TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds());
                ratios.Add(result.WrittenPerSecond / baseline);
                Console.WriteLine($"telemetry: round {round}: {result}; bare batched writer {baseline:0} rows/s, {baselineCpu:0.0} µs CPU per row; hangar/bare {result.WrittenPerSecond / baseline:P0}");
            }

            Console.WriteLine($"telemetry: median hangar/bare {Measures.Median(ratios):P0} (goal: at least 50,000 points/s written)");
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }

    private static async Task<IngestResult> DriveAsync(List<HttpClient> clients, BatchBodies bodies, int workers, TimeSpan duration, WrittenPoints written)
    {
        long accepted = 0, queueFull = 0, failed = 0;
        var (before, cpu) = (written.Total, CpuClock.Self());
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            for (var next = worker; clock.Elapsed < duration; next += workers)
            {
                var device = next % clients.Count;
                using var content = new ByteArrayContent(bodies.Next(device));
                content.Headers.ContentType = new("application/json");
                using var response = await clients[device].PostAsync("/device/v1/telemetry", content);
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    Interlocked.Add(ref accepted, Names * TimesPerName);
                }
                else if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                {
                    Interlocked.Increment(ref queueFull);
                    await Task.Delay(100);
                }
                else if (Interlocked.Increment(ref failed) == 1)
                {
                    Console.Error.WriteLine($"telemetry: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
        })));
        var elapsed = clock.Elapsed;
        var inWindow = written.Total - before;
        // What was accepted is written shortly after: wait for the queue to drain so the next round starts empty.
        var drained = await written.WaitForAsync(before + accepted, TimeSpan.FromMinutes(2));
        return new IngestResult(accepted, inWindow, queueFull, failed, elapsed, clock.Elapsed - elapsed, drained, CpuClock.Self() - cpu);
    }
}
