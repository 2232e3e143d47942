using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Hangar.Bench.Firmware;
using Hangar.Client;
using Hangar.Contracts.Devices;
using Hangar.Contracts.Organizations;
using Hangar.Testing.Pki;

namespace Hangar.Bench.Sockets;

/// <summary>
/// Idle control sockets held by one server process and its memory per socket, then a reconnect storm: every socket
/// dropped at once and all devices reconnecting. Hangar (<c>hangar-server</c> as a process, SQLite, devices imported
/// with their certificates, <c>GET /device/v1/connect</c>) against the baseline, a WebSocket echo server on bare
/// Kestrel with the same TLS (<see cref="EchoServer"/>, also a process), driven by the same <see cref="SocketFleet"/>.
/// Memory per socket is the growth of the server's resident set from before the sockets to after them, settled.
/// </summary>
internal static class IdleSockets
{
    private const int ImportRows = 1000;
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(15);

    public static async Task RunAsync(int devices, int concurrency, int admissionsPerSecond, int admissionBurst)
    {
        // One descriptor per socket in the driver, and in each server while it holds them; a server needs a few hundred more of its own.
        FileLimit.Ensure(devices + 1000);
        var work = Directory.CreateTempSubdirectory("hangar-bench-sockets-").FullName;
        try
        {
            var ca = TestPki.Root("CN=Bench Socket CA");
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var leaves = Enumerable.Range(0, devices).Select(i => TestPki.Leaf(ca, Identifier(i))).ToList();
            // The leaves carry their keys as made (CopyWithPrivateKey), which OpenSSL uses directly on Linux: no PKCS#12 round trip,
            // which would cost milliseconds of key derivation per device.
            var contexts = leaves.Select(l => SslStreamCertificateContext.Create(l, null, offline: true)).ToList();
            Console.WriteLine($"sockets: {devices:N0} device certificates made in {clock.Elapsed.TotalSeconds:0} s; {Environment.ProcessorCount} cores, {concurrency} attempts in flight at most; " +
                $"Hangar's admission: {admissionsPerSecond}/s, burst {admissionBurst}");

            await using (var server = await ServerProcess.StartAsync(Path.Combine(work, "data"), new Dictionary<string, string?>
            {
                ["HANGAR_Presence__AdmissionsPerSecond"] = admissionsPerSecond.ToString(CultureInfo.InvariantCulture),
                ["HANGAR_Presence__AdmissionBurst"] = admissionBurst.ToString(CultureInfo.InvariantCulture),
            }))
            {
                await ImportAsync(server, leaves);
                await MeasureAsync("hangar", server.Id, new IPEndPoint(IPAddress.Loopback, server.DeviceUrl.Port), "/device/v1/connect", contexts, concurrency);
            }

            var pfx = Path.Combine(work, "echo.pfx");
            await File.WriteAllBytesAsync(pfx, EchoCertificate().Export(X509ContentType.Pkcs12));
            await using var echo = ChildProcess.Start("dotnet", [typeof(IdleSockets).Assembly.Location, "echo-server", pfx]);
            var output = await echo.WaitForAsync(EchoServer.ListeningLine, TimeSpan.FromMinutes(1));
            var port = int.Parse(output.Split(EchoServer.ListeningLine)[1].Split('\n')[0].Trim(), CultureInfo.InvariantCulture);
            await MeasureAsync("bare kestrel echo", echo.Id, new IPEndPoint(IPAddress.Loopback, port), "/", contexts, concurrency);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task MeasureAsync(string name, int processId, IPEndPoint endpoint, string path, List<SslStreamCertificateContext> devices, int concurrency)
    {
        // Warm-up: JIT, Kestrel's and the TLS layer's pools, the device authentication path.
        using (var warm = new SocketFleet(endpoint, path, devices[..200]))
        {
            Console.WriteLine($"sockets: {name}: warm-up: {await warm.ConnectAllAsync(concurrency, TimeSpan.FromMinutes(2))}");
        }

        await Task.Delay(Settle);
        var before = ServerMemory.ResidentBytes(processId);
        using var fleet = new SocketFleet(endpoint, path, devices);
        var opened = await fleet.ConnectAllAsync(concurrency, TimeSpan.FromMinutes(10));
        Console.WriteLine($"sockets: {name}: opening: {opened}");
        await Task.Delay(Settle);
        var after = ServerMemory.ResidentBytes(processId);
        var open = fleet.Open;
        Console.WriteLine($"sockets: {name}: {open:N0} idle sockets held; server RSS {before / 1048576.0:0} MiB before, {after / 1048576.0:0} MiB after: " +
            $"{(after - before) / 1024.0 / Math.Max(1, open):0.0} KiB per socket");

        fleet.DropAll();
        await Task.Delay(TimeSpan.FromSeconds(5));
        var storm = await fleet.ConnectAllAsync(concurrency, TimeSpan.FromMinutes(5));
        Console.WriteLine($"sockets: {name}: reconnect storm (all dropped at once, all reconnecting): {storm}");
        await Task.Delay(Settle);
        Console.WriteLine($"sockets: {name}: after the storm {fleet.Open:N0} open, server RSS {ServerMemory.ResidentBytes(processId) / 1048576.0:0} MiB");
    }

    private static async Task ImportAsync(ServerProcess server, List<X509Certificate2> leaves)
    {
        using var http = server.CreateHttpClient();
        var bootstrap = new HangarClient(http);
        var organization = await bootstrap.Organizations.CreateAsync(new CreateOrganizationRequest("bench", CreateApiKey: true));
        using var ownerHttp = HangarClient.CreateHttpClient(server.AdminUrl, organization.ApiKey!.Secret);
        var owner = new HangarClient(ownerHttp);
        var product = await owner.Products.CreateAsync(new CreateProductRequest("sockets"));
        foreach (var chunk in leaves.Select((leaf, index) => (leaf, index)).Chunk(ImportRows))
        {
            var csv = new StringBuilder("identifier,description,tags,product,cohort,certificates,target\n");
            foreach (var (leaf, index) in chunk)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{Identifier(index)},,,{product.Hrn},,\"{TestPki.Pem(leaf)}\",\n");
            }

            // An import is all or nothing, so a 503 (SQLite busy beyond its timeout on a loaded machine) is retried whole.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await owner.Devices.ImportAsync(new ImportDevicesRequest(csv.ToString()));
                    break;
                }
                catch (HangarApiException e) when (e.Status == System.Net.HttpStatusCode.ServiceUnavailable && attempt < 10)
                {
                    Console.WriteLine($"sockets: import refused ({e.Message}); retrying");
                    await Task.Delay(TimeSpan.FromSeconds(5));
                }
            }
        }

        Console.WriteLine($"sockets: {leaves.Count:N0} devices imported with their certificates");
    }

    private static string Identifier(int index) => string.Create(CultureInfo.InvariantCulture, $"socket-{index:00000}");

    private static X509Certificate2 EchoCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var now = TimeProvider.System.GetUtcNow();
        return request.CreateSelfSigned(now.AddHours(-1), now.AddDays(1));
    }
}
