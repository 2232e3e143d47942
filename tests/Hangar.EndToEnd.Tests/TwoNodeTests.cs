using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Hangar.Client;
using Hangar.Contracts.Devices;
using Hangar.Contracts.Firmware;
using Hangar.Testing;
using Hangar.Testing.Pki;

namespace Hangar.EndToEnd.Tests;

/// <summary>
/// Two server processes that share nothing but one PostgreSQL database, one blob directory and the key-encryption
/// key file — each with its own data directory and ports — serve one fleet: a certificate revoked through one node
/// is refused by the other within a second (its authentication cache heard of it), a download URL one node signed
/// is accepted by the other, and both present certificates of the same server CA.
/// </summary>
public sealed partial class TwoNodeTests : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly string _directory = Directory.CreateTempSubdirectory("hangar-nodes-").FullName;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task TwoNodes_ServeOneFleet_RevocationDownloadUrlsAndServerCa()
    {
        var keyFile = Path.Combine(_directory, "secrets.key");
        await File.WriteAllTextAsync(keyFile, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), Cancel);
        var shared = new Dictionary<string, string?>
        {
            ["HANGAR_Database__Provider"] = "Postgres",
            ["HANGAR_Database__ConnectionString"] = await (await SharedPostgres.GetAsync(Cancel)).CreateDatabaseAsync(Cancel),
            ["HANGAR_Secrets__KeyFile"] = keyFile,
            ["HANGAR_BlobStorage__Root"] = Path.Combine(_directory, "blobs"),
        };
        await using var processA = StartNode("a", shared);
        var outputA = await processA.WaitForAsync("Application started", StartTimeout, Cancel);
        await using var processB = StartNode("b", shared);
        var outputB = await processB.WaitForAsync("Application started", StartTimeout, Cancel);
        var apiKey = ApiKeyLine().Match(outputA).Groups[1].Value;
        var (adminA, deviceA) = Addresses(outputA);
        var (adminB, deviceB) = Addresses(outputB);
        using var httpA = HangarClient.CreateHttpClient(adminA, apiKey);
        using var httpB = HangarClient.CreateHttpClient(adminB, apiKey);
        var (nodeA, nodeB) = (new HangarClient(httpA), new HangarClient(httpB));

        // Both nodes hand out the one server CA, and a device trusting it (as agents pin it) accepts both listeners.
        using var anonymous = new HttpClient(new SocketsHttpHandler(), disposeHandler: true);
        var ca = await anonymous.GetStringAsync(new Uri(adminA, "api/v1/server/ca_certificate"), Cancel);
        Assert.Equal(ca, await anonymous.GetStringAsync(new Uri(adminB, "api/v1/server/ca_certificate"), Cancel));
        using var serverCa = X509Certificate2.CreateFromPem(ca);

        // A device, registered through A and authenticated on A (so A's cache holds it).
        var product = await nodeA.Products.CreateAsync(new CreateProductRequest("fleet"), cancellationToken: Cancel);
        var device = await nodeA.Devices.CreateAsync(new CreateDeviceRequest("node-device", product.Id.ToString()), cancellationToken: Cancel);
        var leaf = TestPki.Leaf(TestPki.Root(), "node-device");
        var certificate = await nodeA.DeviceCertificates.CreateAsync(new CreateDeviceCertificateRequest(device.Id.ToString(), TestPki.Pem(leaf)), cancellationToken: Cancel);
        using var onA = DeviceClient(deviceA, leaf, serverCa);
        using var onB = DeviceClient(deviceB, leaf, serverCa);
        Assert.Equal(HttpStatusCode.OK, (await onA.GetAsync("device/v1/me", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("device/v1/me", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await onA.GetAsync("device/v1/me", Cancel)).StatusCode);

        // Revoked through B: A refuses it within a second.
        await nodeB.DeviceCertificates.RevokeAsync(certificate.Id.ToString(), Cancel);
        var sinceRevoke = Stopwatch.StartNew();
        HttpStatusCode status;
        while ((status = (await onA.GetAsync("device/v1/me", Cancel)).StatusCode) == HttpStatusCode.OK && sinceRevoke.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(20, Cancel);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.True(sinceRevoke.Elapsed < TimeSpan.FromSeconds(1), $"node A served the revoked certificate for {sinceRevoke.Elapsed}");

        // A binary uploaded through A, its download URL signed by A, fetched anonymously from B.
        var content = RandomNumberGenerator.GetBytes(3000);
        var binaryId = await SignableBinaryAsync(nodeA, content);
        var url = new Uri((await nodeA.Binaries.GetDownloadUrlAsync(binaryId.ToString(), Cancel)).Url);
        Assert.Equal(content, await anonymous.GetByteArrayAsync(new Uri(adminB, url.PathAndQuery.TrimStart('/')), Cancel));

        Assert.Equal(0, await processB.StopAsync(Cancel));
        Assert.Equal(0, await processA.StopAsync(Cancel));
    }

    private RunningProcess StartNode(string name, IReadOnlyDictionary<string, string?> shared) =>
        RunningProcess.Start(BuiltPrograms.Server,
            ["--data", Path.Combine(_directory, name), "--admin-url", "http://127.0.0.1:0", "--device-url", "https://127.0.0.1:0"], shared);

    private static (Uri Admin, Uri Device) Addresses(string output) =>
        (new Uri(AdminLine().Match(output).Groups[1].Value + "/"), new Uri(DeviceLine().Match(output).Groups[1].Value + "/"));

    /// <summary>A device's client: presents its certificate and trusts only the server CA, as an agent does.</summary>
    private static HttpClient DeviceClient(Uri device, X509Certificate2 leaf, X509Certificate2 serverCa) =>
        new(new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                ClientCertificateContext = SslStreamCertificateContext.Create(TestPki.ForTls(leaf), null, offline: true),
                RemoteCertificateValidationCallback = (_, presented, _, _) =>
                {
                    using var chain = new X509Chain();
                    chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                    chain.ChainPolicy.CustomTrustStore.Add(serverCa);
                    chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                    return presented is not null && chain.Build(X509CertificateLoader.LoadCertificate(presented.GetRawCertData()));
                },
            },
        }, disposeHandler: true)
        { BaseAddress = device };

    private static async Task<Guid> SignableBinaryAsync(HangarClient client, byte[] content)
    {
        var artifact = await client.Artifacts.CreateAsync(new CreateArtifactRequest("rootfs"), cancellationToken: Cancel);
        var version = await client.ArtifactVersions.CreateAsync(new CreateArtifactVersionRequest(artifact.Id.ToString(), "1.0.0"), cancellationToken: Cancel);
        var binary = await client.Binaries.CreateAsync(
            new CreateBinaryRequest(version.Id.ToString(), "aarch64-unknown-linux-gnu", content.Length, Convert.ToHexStringLower(SHA256.HashData(content))), cancellationToken: Cancel);
        await client.Binaries.UploadPartAsync(binary.Id.ToString(), 1, new MemoryStream(content), content.Length, Convert.ToHexStringLower(SHA256.HashData(content)), Cancel);
        await client.Binaries.UpdateAsync(binary.Id.ToString(), new UpdateBinaryRequest(State: "hashable"), Cancel);
        await client.Binaries.UpdateAsync(binary.Id.ToString(), new UpdateBinaryRequest(State: "hashing"), Cancel);
        while ((await client.Binaries.GetAsync(binary.Id.ToString(), Cancel)).State == "hashing")
        {
            await Task.Delay(50, Cancel);
        }

        return binary.Id;
    }

    [GeneratedRegex(@"api key:\s+(hgr_\S+)")]
    private static partial Regex ApiKeyLine();

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex AdminLine();

    [GeneratedRegex(@"Now listening on: (https://127\.0\.0\.1:\d+)")]
    private static partial Regex DeviceLine();
}
