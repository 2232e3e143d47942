using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Hangar.Contracts.Common;

namespace Hangar.Bench.Updates;

/// <summary>
/// The load driver, run as its own process (each side of 10,000 TLS connections needs its own file-descriptor
/// budget): one keep-alive mutual-TLS connection per simulated device, workers cycling through their devices, and
/// alternating phases of the trivial endpoint, of update checks, and of conditional update checks (with the ETag of the
/// device's last answer in <c>If-None-Match</c>, as hangar-agent checks) on the same connections.
/// </summary>
internal static class CheckDriver
{
    public const string ResultMarker = "DRIVER-RESULT ";
    private static readonly byte[] UpdateStatus = Encoding.UTF8.GetBytes("\"status\":\"update\"");

    public static async Task<int> RunAsync(string inputPath)
    {
        var input = JsonSerializer.Deserialize<DriverInput>(await File.ReadAllTextAsync(inputPath))!;
        var serverCa = X509Certificate2.CreateFromPem(input.ServerCaPem);
        var devices = input.Devices.Select(d => new SimulatedDevice(d, Client(input.DeviceBaseAddress, serverCa, d))).ToList();
        var phase = TimeSpan.FromSeconds(input.PhaseSeconds);
        var results = new List<PhaseResult>
        {
            await PhaseAsync("warm-up", devices, input.Workers, TimeSpan.Zero, DeviceRequest.Check),
            // Until requests come fast enough to revisit each device within the authentication cache's lifetime, the
            // first phase would pay full certificate validation on both endpoints; it is shown but not compared.
            await PhaseAsync("settle", devices, input.Workers, phase, DeviceRequest.Ping),
        };
        for (var round = 1; round <= 2; round++)
        {
            results.Add(await PhaseAsync($"ping {round}", devices, input.Workers, phase, DeviceRequest.Ping));
            results.Add(await PhaseAsync($"update check {round}", devices, input.Workers, phase, DeviceRequest.Check));
            results.Add(await PhaseAsync($"conditional check {round}", devices, input.Workers, phase, DeviceRequest.ConditionalCheck));
        }

        Console.WriteLine(ResultMarker + JsonSerializer.Serialize(results));
        return 0;
    }

    /// <summary>With a zero duration every device makes exactly one request (warm-up: handshakes, first reports).</summary>
    private static async Task<PhaseResult> PhaseAsync(string name, List<SimulatedDevice> devices, int workers, TimeSpan duration, DeviceRequest kind)
    {
        // Progress on stderr (stdout carries the result line), so a profiler can be attached to the right phase.
        await Console.Error.WriteLineAsync($"  phase: {name}");
        var clock = Stopwatch.StartNew();
        var perWorker = await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var mine = devices.Where((_, i) => i % workers == w).ToList();
            var latencies = new List<long>();
            var answers = new Dictionary<string, long>();
            for (var i = 0; duration == TimeSpan.Zero ? i < mine.Count : clock.Elapsed < duration; i++)
            {
                var device = mine[i % mine.Count];
                var started = Stopwatch.GetTimestamp();
                var answer = await RequestAsync(device, kind);
                latencies.Add(Stopwatch.GetTimestamp() - started);
                answers[answer] = answers.GetValueOrDefault(answer) + 1;
            }

            return (latencies, answers);
        })));
        var elapsed = clock.Elapsed.TotalSeconds;
        var all = perWorker.SelectMany(w => w.latencies).Order().ToArray();
        var merged = perWorker.SelectMany(w => w.answers).GroupBy(a => a.Key).ToDictionary(g => g.Key, g => g.Sum(a => a.Value));
        return new PhaseResult(name, all.Length, all.Length / elapsed, Milliseconds(all, 0.50), Milliseconds(all, 0.99), merged);
    }

    private static async Task<string> RequestAsync(SimulatedDevice device, DeviceRequest kind)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, kind == DeviceRequest.Ping ? "device/v1/ping" : "device/v1/update");
        if (kind != DeviceRequest.Ping)
        {
            Header(request, HangarHeaders.DeviceRelease, device.Reported.Release);
            Header(request, HangarHeaders.DeviceBundle, device.Reported.Bundle);
            Header(request, HangarHeaders.DeviceReleaseVersion, device.Reported.Version);
        }

        if (kind == DeviceRequest.ConditionalCheck)
        {
            Header(request, "If-None-Match", device.ETag);
        }

        using var response = await device.Http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        if (kind != DeviceRequest.Ping && response.Headers.ETag is { } etag)
        {
            device.ETag = etag.ToString();
        }

        return response.StatusCode != HttpStatusCode.OK ? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : body.AsSpan().IndexOf(UpdateStatus) >= 0 ? "update" : "200";
    }

    private static void Header(HttpRequestMessage request, string name, string? value)
    {
        if (value is not null)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
    }

    private static double Milliseconds(long[] sorted, double quantile) =>
        sorted.Length == 0 ? 0 : sorted[(int)Math.Min(sorted.Length - 1, quantile * sorted.Length)] * 1000.0 / Stopwatch.Frequency;

    private static HttpClient Client(string baseAddress, X509Certificate2 serverCa, DriverDevice device)
    {
        using var pem = X509Certificate2.CreateFromPem(device.CertificatePem, device.KeyPem);
        // Linux TLS needs a persisted key: re-import through PKCS#12 (one PBE iteration: it is a throwaway).
        var certificate = X509CertificateLoader.LoadPkcs12(
            pem.ExportPkcs12(new PbeParameters(PbeEncryptionAlgorithm.Aes128Cbc, HashAlgorithmName.SHA256, 1), null), null);
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 1,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
            SslOptions = new SslClientAuthenticationOptions
            {
                ClientCertificates = [certificate],
                RemoteCertificateValidationCallback = (_, presented, _, _) =>
                {
                    using var chain = new X509Chain();
                    chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                    chain.ChainPolicy.CustomTrustStore.Add(serverCa);
                    chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                    return presented is not null && chain.Build(X509CertificateLoader.LoadCertificate(presented.GetRawCertData()));
                },
            },
        };
        return new HttpClient(handler, disposeHandler: true) { BaseAddress = new Uri(baseAddress) };
    }

    private enum DeviceRequest
    {
        Ping,
        Check,
        ConditionalCheck,
    }

    /// <summary>A device's connection and the ETag of its last answer.</summary>
    private sealed class SimulatedDevice(DriverDevice reported, HttpClient http)
    {
        public DriverDevice Reported { get; } = reported;

        public HttpClient Http { get; } = http;

        public string? ETag { get; set; }
    }
}
