using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Hangar.Contracts.Devices;
using Hangar.Contracts.Releases;
using Hangar.Testing;
using Hangar.Testing.Pki;

namespace Hangar.Bench.Updates;

/// <summary>
/// Update checks per second over mutual TLS with keep-alive, from many simulated devices of one cohort with a
/// five-release graph, against the trivial <c>GET /device/v1/ping</c> on the same listener and connections in the
/// same run. The server runs in this process; the load driver in a child process.
/// </summary>
internal static class UpdateCheckThroughput
{
    private const int ImportBatch = 1_000;

    public static async Task RunAsync(DatabaseKind database, int deviceCount, int phaseSeconds, int workers)
    {
        Console.WriteLine($"update checks: {database}, {deviceCount} devices, {workers} concurrent workers, {phaseSeconds} s phases");
        // Presence is written at most once per device per interval; a benchmark that revisits 10,000 devices every few
        // seconds would otherwise measure last_connected_at commits on both endpoints, not the update check.
        var (server, owner) = await BenchServer.StartAsync(database, new() { ["DeviceIdentity:LastConnectedWriteSeconds"] = "86400" });
        await using var _ = server;
        var product = await owner.Products.CreateAsync(new CreateProductRequest("gateway"));
        var cohort = await owner.Cohorts.CreateAsync(new CreateCohortRequest("stable", product.Id.ToString()));

        var firmware = await BenchFirmware.CreateAsync(owner);
        var releases = new List<BenchRelease>();
        for (var i = 1; i <= 5; i++)
        {
            var bundle = await firmware.BundleAsync($"{i}.0.0");
            // The third release is required, so devices before it stop there and the walk is not a single hop.
            var release = await owner.Releases.CreateAsync(new CreateReleaseRequest($"r{i}", cohort.Id.ToString(), bundle.Id.ToString(), Required: i == 3, Version: $"{i}.0.0"));
            releases.Add(new BenchRelease(release.Id, bundle.Id, release.Version!));
        }

        var clock = Stopwatch.StartNew();
        var root = TestPki.Root("CN=Bench Fleet CA");
        var devices = new List<DriverDevice>();
        for (var first = 0; first < deviceCount; first += ImportBatch)
        {
            var csv = new StringBuilder("identifier,description,tags,product,cohort,certificates,target\n");
            foreach (var i in Enumerable.Range(first, Math.Min(ImportBatch, deviceCount - first)))
            {
                using var leaf = TestPki.Leaf(root, $"gw-{i:D5}");
                var certificate = leaf.ExportCertificatePem();
                var at = releases[i % releases.Count];
                devices.Add(new DriverDevice(certificate, leaf.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem(), at.Id.ToString(), at.BundleId.ToString(), at.Version));
                csv.Append(CultureInfo.InvariantCulture, $"gw-{i:D5},,fleet,gateway,stable,\"{certificate}\",aarch64-unknown-linux-gnu\n");
            }

            await owner.Devices.ImportAsync(new ImportDevicesRequest(csv.ToString()));
        }

        Console.WriteLine($"  {deviceCount} devices with certificates made and imported in {clock.Elapsed.TotalSeconds:F0} s");
        var input = new DriverInput(server.DeviceBaseAddress.ToString(), await File.ReadAllTextAsync(Path.Combine(server.DataDirectory, "tls", "server-ca.crt")),
            workers, phaseSeconds, devices);
        var meter = new ServerSideMeter();
        var results = await DriveAsync(input, meter);
        Report(results, meter);
    }

    private static async Task<List<PhaseResult>> DriveAsync(DriverInput input, ServerSideMeter meter)
    {
        var path = Path.Combine(Path.GetTempPath(), $"hangar-bench-driver-{RandomNumberGenerator.GetHexString(8)}.json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(input));
        try
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(typeof(UpdateCheckThroughput).Assembly.Location);
            start.ArgumentList.Add("drive");
            start.ArgumentList.Add(path);
            using var driver = Process.Start(start)!;
            var following = meter.FollowAsync(driver.StandardError);
            var output = await driver.StandardOutput.ReadToEndAsync();
            await driver.WaitForExitAsync();
            await following;
            var line = output.Split('\n').SingleOrDefault(l => l.StartsWith(CheckDriver.ResultMarker, StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"the driver exited {driver.ExitCode} without results:\n{output}");
            return JsonSerializer.Deserialize<List<PhaseResult>>(line[CheckDriver.ResultMarker.Length..])!;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void Report(List<PhaseResult> results, ServerSideMeter meter)
    {
        Console.WriteLine("| phase | requests | per second | p50 ms | p99 ms | server CPU µs | server KiB allocated | PostgreSQL CPU µs | answers |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var r in results)
        {
            var answers = string.Join(", ", r.Answers.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}: {a.Value}"));
            var cost = meter.CostOf(r.Name, r.Requests);
            Console.WriteLine($"| {r.Name} | {r.Requests} | {r.PerSecond:F0} | {r.P50Milliseconds:F1} | {r.P99Milliseconds:F1} | " +
                $"{cost.ServerCpuMicroseconds:F0} | {cost.AllocatedKib:F1} | {cost.DatabaseCpuMicroseconds:F0} | {answers} |");
        }

        var pings = Phases(results, "ping");
        var ping = pings.Average(r => r.PerSecond);
        foreach (var kind in (ReadOnlySpan<string>)["update check", "conditional check"])
        {
            var checks = Phases(results, kind);
            var check = checks.Average(r => r.PerSecond);
            var (checkCpu, pingCpu) = (checks.Average(r => ServerCpu(meter, r)), pings.Average(r => ServerCpu(meter, r)));
            Console.WriteLine($"{kind} / ping throughput: {check / ping:P0} ({check:F0}/s vs {ping:F0}/s); server CPU per request {checkCpu:F0} µs vs {pingCpu:F0} µs");
        }
    }

    private static List<PhaseResult> Phases(List<PhaseResult> results, string kind) =>
        [.. results.Where(r => r.Name.StartsWith(kind + " ", StringComparison.Ordinal))];

    private static double ServerCpu(ServerSideMeter meter, PhaseResult phase) => meter.CostOf(phase.Name, phase.Requests).ServerCpuMicroseconds;
}
