using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Hangar.Agent.Configuration;
using Hangar.Agent.Tests.Support;
using Hangar.Client;
using Hangar.Contracts.Devices;
using Hangar.Contracts.Firmware;
using Hangar.Contracts.Releases;
using Hangar.Testing;
using Hangar.Testing.Pki;
using NSec.Cryptography;

namespace Hangar.Agent.Tests.Updates;

/// <summary>
/// A real Hangar server in process (SQLite: the agent's behaviour does not depend on the server's database), one
/// product and cohort, a signing key, and devices whose client certificates are written to files the way
/// <c>hangar devices provision</c> leaves them for an agent.
/// </summary>
public sealed class AgentFleet : IAsyncDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly X509Certificate2 _root = TestPki.Root($"CN=Agent fleet CA {Guid.CreateVersion7():N}");

    private AgentFleet(HangarTestServer server, HangarClient client, CohortResponse cohort, ProductResponse product, Key signingKey)
    {
        Server = server;
        Client = client;
        Cohort = cohort;
        Product = product;
        SigningKey = signingKey;
    }

    public HangarTestServer Server { get; }

    public HangarClient Client { get; }

    public CohortResponse Cohort { get; }

    public ProductResponse Product { get; }

    /// <summary>The key every binary is signed with, registered in the organization.</summary>
    public Key SigningKey { get; }

    public string TrustedKey => PublicKey(SigningKey);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static async Task<AgentFleet> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var server = await HangarTestServer.StartAsync(DatabaseKind.Sqlite, settings, Cancel);
        var client = server.CreateClient(server.Bootstrap!.ApiKey);
        var product = await client.Products.CreateAsync(new CreateProductRequest("gateway"), cancellationToken: Cancel);
        var cohort = await client.Cohorts.CreateAsync(new CreateCohortRequest("field", product.Id.ToString()), cancellationToken: Cancel);
        var key = NewKey();
        await client.SigningKeys.CreateAsync(new CreateSigningKeyRequest("release", PublicKey(key)), cancellationToken: Cancel);
        return new AgentFleet(server, client, cohort, product, key);
    }

    public static Key NewKey() =>
        Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });

    public static string PublicKey(Key key) => Convert.ToBase64String(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));

    /// <summary>A device in the cohort and an agent configuration for it (simulated slots, slot and file installers).</summary>
    public async Task<(DeviceResponse Device, AgentConfig Config)> DeviceAsync(string identifier)
    {
        var device = await Client.Devices.CreateAsync(
            new CreateDeviceRequest(identifier, Product.Id.ToString(), Cohort.Id.ToString()), cancellationToken: Cancel);
        using var leaf = TestPki.Leaf(_root, identifier);
        await Client.DeviceCertificates.CreateAsync(new CreateDeviceCertificateRequest(device.Id.ToString(), TestPki.Pem(leaf)), cancellationToken: Cancel);

        var home = Directory.CreateDirectory(_directory.Combine(identifier)).FullName;
        File.WriteAllText(Path.Combine(home, "device.pem"), TestPki.Pem(leaf));
        File.WriteAllText(Path.Combine(home, "device.key"), leaf.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        var config = new AgentConfig
        {
            Server = new ServerConfig { Url = Server.DeviceBaseAddress.ToString(), CaCertificate = Path.Combine(Server.DataDirectory, "tls", "server-ca.crt") },
            Device = new DeviceConfig { Certificate = Path.Combine(home, "device.pem"), PrivateKey = Path.Combine(home, "device.key") },
            Signing = new SigningConfig { TrustedKeys = [TrustedKey], Threshold = 1 },
            FactorySoftware = new FactorySoftwareConfig { ReleaseVersion = "1.0.0" },
            Targets = ["portable"],
            Polling = new PollingConfig { IntervalSeconds = 10, JitterSeconds = 0 },
            Directories = new DirectoriesConfig { State = Path.Combine(home, "state"), Cache = Path.Combine(home, "cache") },
            Downloads = new DownloadsConfig { MaxAttempts = 2, InitialBackoffSeconds = 0.1, MaxBackoffSeconds = 0.2, StallTimeoutSeconds = 30 },
            Installers = new InstallersConfig { Slot = new SlotInstallerConfig(), File = new FileInstallerConfig { Roots = [Path.Combine(home, "apps")] } },
            Boot = new BootConfig { SimulatedSlots = new SimulatedSlotsConfig { Directory = Path.Combine(home, "slots") }, CommandTimeoutSeconds = 30 },
        };
        return (device, config);
    }

    /// <summary>A signed binary of a new artifact version; <paramref name="signers"/> defaults to the registered key.</summary>
    public async Task<BinaryResponse> BinaryAsync(byte[] content, string metadataJson, string target = "portable", IReadOnlyList<Key>? signers = null)
    {
        var artifact = await Client.Artifacts.CreateAsync(new CreateArtifactRequest($"app-{Guid.CreateVersion7():N}"), cancellationToken: Cancel);
        var version = await Client.ArtifactVersions.CreateAsync(new CreateArtifactVersionRequest(artifact.Id.ToString(), "1.0.0"), cancellationToken: Cancel);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        var binary = await Client.Binaries.CreateAsync(new CreateBinaryRequest(version.Id.ToString(), target, content.Length, sha256,
            CustomMetadata: JsonDocument.Parse(metadataJson).RootElement), cancellationToken: Cancel);
        await Client.Binaries.UploadPartAsync(binary.Id.ToString(), 1, new MemoryStream(content), content.Length, sha256, Cancel);
        await Client.Binaries.UpdateAsync(binary.Id.ToString(), new UpdateBinaryRequest(State: "hashable"), Cancel);
        await Client.Binaries.UpdateAsync(binary.Id.ToString(), new UpdateBinaryRequest(State: "hashing"), Cancel);
        while ((await Client.Binaries.GetAsync(binary.Id.ToString(), Cancel)).State == "hashing")
        {
            await Task.Delay(20, Cancel);
        }

        foreach (var signer in signers ?? [SigningKey])
        {
            if (signer != SigningKey)
            {
                await Client.SigningKeys.CreateAsync(new CreateSigningKeyRequest($"key-{Guid.CreateVersion7():N}", PublicKey(signer)), cancellationToken: Cancel);
            }

            var signature = Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(signer, Convert.FromHexString(sha256)));
            await Client.BinarySignatures.CreateAsync(
                new CreateBinarySignatureRequest(binary.Id.ToString(), Convert.ToHexStringLower(SHA256.HashData(signer.PublicKey.Export(KeyBlobFormat.RawPublicKey))), signature),
                cancellationToken: Cancel);
        }

        return await Client.Binaries.GetAsync(binary.Id.ToString(), Cancel);
    }

    /// <summary>
    /// A release of a bundle of <paramref name="binaries"/>, appended as the cohort's latest; devices on the factory
    /// software (version 1.0.0) start from it.
    /// </summary>
    public async Task<ReleaseResponse> ReleaseAsync(string version, params BinaryResponse[] binaries)
    {
        var bundle = await Client.Bundles.CreateAsync(
            new CreateBundleRequest([.. binaries.Select(binary => new BundleEntryRequest(binary.Id.ToString()))]), cancellationToken: Cancel);
        return await Client.Releases.CreateAsync(
            new CreateReleaseRequest($"release {version}", Cohort.Id.ToString(), bundle.Id.ToString(), Version: version, VersionRequirement: ">= 1.0.0"), cancellationToken: Cancel);
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        _root.Dispose();
        SigningKey.Dispose();
        _directory.Dispose();
    }
}
