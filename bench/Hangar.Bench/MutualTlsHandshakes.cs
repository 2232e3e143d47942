using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Hangar.Contracts.Devices;
using Hangar.Testing.Pki;

namespace Hangar.Bench;

/// <summary>
/// Mutual-TLS handshakes per second on the device listener (by default GET /device/v1/ping, the tiny authenticated
/// answer that matches nginx's `return 200`; or /device/v1/me, which also reads the device; a new connection each
/// time, ECDSA P-256 device certificates registered with the server) against nginx verifying the same certificates, and against
/// bare Kestrel with the listener's TLS settings, all driven by the same <see cref="HandshakeDriver"/> in the same run.
/// Rounds rotate which server goes first; medians count. Each round also estimates the servers' CPU per handshake
/// (see <see cref="Round"/>), which a busy shared machine disturbs less than the rate.
/// </summary>
internal static class MutualTlsHandshakes
{
    private const int Devices = 100;

    public static async Task RunAsync(int concurrency, TimeSpan duration, int rounds, string path)
    {
        var (server, owner) = await BenchServer.StartAsync([]);
        await using (server)
        {
            var ca = TestPki.Root("CN=Bench Device CA");
            var devices = await RegisterDevicesAsync(owner, ca);

            // nginx and bare Kestrel present the very same server certificate and key: the same cryptography everywhere.
            var serverCertificate = server.ServerCertificate;
            var serverKeyPem = ((AsymmetricAlgorithm?)serverCertificate.GetECDsaPrivateKey() ?? serverCertificate.GetRSAPrivateKey()
                ?? throw new InvalidOperationException("The server certificate has no private key.")).ExportPkcs8PrivateKeyPem();
            HandshakeDriver DriverFor(IPEndPoint endpoint) => new(endpoint, path, devices, serverCertificate.RawData);

            var hangar = DriverFor(new IPEndPoint(IPAddress.Loopback, server.DeviceBaseAddress.Port));
            await using var bare = await BareKestrel.StartAsync(serverCertificate);
            var floor = DriverFor(new IPEndPoint(IPAddress.Loopback, new Uri(bare.Urls.First()).Port));
            await using var nginx = await NginxServer.StartMutualTlsAsync(serverCertificate.ExportCertificatePem(), serverKeyPem, TestPki.Pem(ca));
            var reference = nginx is null ? null : DriverFor(nginx.Endpoint);
            Console.WriteLine($"handshakes: GET {path} on Hangar, {Environment.ProcessorCount} cores, concurrency {concurrency}, {duration.TotalSeconds:0} s per measurement, " +
                $"{rounds} rounds, {Devices} device certificates, " +
                (nginx is null ? "nginx not installed (apt-get install nginx): no comparison" : $"{NginxServer.Version()} with {Environment.ProcessorCount} workers"));

            // Warm-up as long as a measurement: tiered compilation (with dynamic PGO) keeps recompiling the hot path
            // for seconds under load; also the connection pool, the authentication cache, SQLite's page cache.
            await hangar.RunAsync(concurrency, duration);
            await floor.RunAsync(concurrency, TimeSpan.FromSeconds(3));
            if (reference is not null)
            {
                await reference.RunAsync(concurrency, TimeSpan.FromSeconds(3));
            }

            async Task<HandshakeResult?> MeasureAsync(HandshakeDriver? driver)
            {
                if (driver is null)
                {
                    return null;
                }

                var (process, other) = (CpuClock.Self(), nginx?.Cpu ?? TimeSpan.Zero);
                var result = await driver.RunAsync(concurrency, duration);
                return result with { ProcessCpu = CpuClock.Self() - process, NginxCpu = (nginx?.Cpu ?? TimeSpan.Zero) - other };
            }

            var measured = new List<Round>();
            for (var round = 1; round <= rounds; round++)
            {
                var results = new Dictionary<HandshakeDriver, HandshakeResult?>();
                var order = new[] { hangar, reference, floor };
                foreach (var driver in order.Skip(round % 3).Concat(order.Take(round % 3)).OfType<HandshakeDriver>())
                {
                    results[driver] = await MeasureAsync(driver);
                }

                var measurement = new Round(results[hangar]!, reference is null ? null : results[reference], results[floor]!);
                measured.Add(measurement);
                Console.WriteLine($"handshakes: round {round}: {measurement}");
            }

            Console.WriteLine(Summary(measured));
        }
    }

    private static async Task<List<SslStreamCertificateContext>> RegisterDevicesAsync(Hangar.Client.HangarClient owner, X509Certificate2 ca)
    {
        var product = await owner.Products.CreateAsync(new CreateProductRequest("bench"));
        var devices = new List<SslStreamCertificateContext>();
        for (var i = 0; i < Devices; i++)
        {
            var identifier = string.Create(CultureInfo.InvariantCulture, $"bench-{i:000}");
            var device = await owner.Devices.CreateAsync(new CreateDeviceRequest(identifier, product.Id.ToString()));
            var leaf = TestPki.Leaf(ca, identifier);
            await owner.DeviceCertificates.CreateAsync(new CreateDeviceCertificateRequest(device.Id.ToString(), TestPki.Pem(leaf)));
            devices.Add(SslStreamCertificateContext.Create(TestPki.ForTls(leaf), null, offline: true));
        }

        return devices;
    }

    private static string Summary(List<Round> measured)
    {
        var hangar = Measures.Median(measured.Select(m => m.Hangar.PerSecond));
        var floor = Measures.Median(measured.Select(m => m.Floor.PerSecond));
        var summary = $"handshakes: medians: hangar {hangar:0}/s, bare kestrel {floor:0}/s";
        if (measured[0].Nginx is null)
        {
            return summary;
        }

        var nginx = Measures.Median(measured.Select(m => m.Nginx!.PerSecond));
        return summary + $", nginx {nginx:0}/s; hangar/nginx {hangar / nginx:P0} (goal: at least 70%), per-round ratios' median " +
            $"{Measures.Median(measured.Select(m => m.Throughput!.Value)):P0}; server CPU per handshake: hangar {Measures.Median(measured.Select(m => m.HangarServerMicroseconds!.Value)):0} µs, " +
            $"bare kestrel {Measures.Median(measured.Select(m => m.FloorServerMicroseconds!.Value)):0} µs, nginx {Measures.Median(measured.Select(m => m.NginxMicroseconds!.Value)):0} µs";
    }
}
