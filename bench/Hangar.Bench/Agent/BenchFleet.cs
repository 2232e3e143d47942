using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hangar.Bench.Firmware;
using Hangar.Client;
using Hangar.Contracts.Devices;
using Hangar.Contracts.Firmware;
using Hangar.Contracts.Releases;
using Hangar.Testing.Pki;
using NSec.Cryptography;

namespace Hangar.Bench.Agent;

/// <summary>
/// One product and cohort, a signing key, and devices with certificates and agent configurations; a release ships
/// one binary that the agent installs with a command installer that does nothing (the download is what is measured).
/// </summary>
internal sealed class BenchFleet(HangarClient client, ServerProcess server, string work, CohortResponse cohort, ProductResponse product, Key key, SigningKeyResponse registered)
{
    private readonly X509Certificate2 _root = TestPki.Root("CN=Bench agent CA");

    public string ServerCa => Path.Combine(server.DataDirectory, "tls", "server-ca.crt");

    public static async Task<BenchFleet> CreateAsync(HangarClient client, ServerProcess server, string work)
    {
        var product = await client.Products.CreateAsync(new CreateProductRequest("bench"));
        var cohort = await client.Cohorts.CreateAsync(new CreateCohortRequest("bench", product.Id.ToString()));
        var key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        var registered = await client.SigningKeys.CreateAsync(new CreateSigningKeyRequest("bench", Convert.ToBase64String(key.PublicKey.Export(KeyBlobFormat.RawPublicKey))));
        return new BenchFleet(client, server, work, cohort, product, key, registered);
    }

    /// <summary>A device in the cohort and the path of its agent configuration (factory version 1.0.0).</summary>
    public async Task<string> DeviceAsync(string identifier, int pollingSeconds)
    {
        var device = await client.Devices.CreateAsync(new CreateDeviceRequest(identifier, product.Id.ToString(), cohort.Id.ToString()));
        using var leaf = TestPki.Leaf(_root, identifier);
        await client.DeviceCertificates.CreateAsync(new CreateDeviceCertificateRequest(device.Id.ToString(), TestPki.Pem(leaf)));
        var home = Directory.CreateDirectory(Path.Combine(work, identifier)).FullName;
        await File.WriteAllTextAsync(Path.Combine(home, "device.pem"), TestPki.Pem(leaf));
        await File.WriteAllTextAsync(Path.Combine(home, "device.key"), leaf.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        var config = new JsonObject
        {
            ["server"] = new JsonObject { ["url"] = server.DeviceUrl.ToString(), ["ca_certificate"] = ServerCa },
            ["device"] = new JsonObject { ["certificate"] = "device.pem", ["private_key"] = "device.key" },
            ["signing"] = new JsonObject { ["trusted_keys"] = new JsonArray(Convert.ToBase64String(key.PublicKey.Export(KeyBlobFormat.RawPublicKey))) },
            ["factory_software"] = new JsonObject { ["release_version"] = "1.0.0" },
            ["polling"] = new JsonObject { ["interval_seconds"] = pollingSeconds, ["jitter_seconds"] = 0 },
            ["directories"] = new JsonObject { ["state"] = "state", ["cache"] = "cache" },
            ["installers"] = new JsonObject { ["command"] = new JsonObject { ["commands"] = new JsonObject { ["discard"] = new JsonArray("/bin/true") } } },
            ["boot"] = new JsonObject { ["reboot_command"] = new JsonArray("/bin/false") },
        };
        var path = Path.Combine(home, "config.json");
        await File.WriteAllTextAsync(path, config.ToJsonString());
        return path;
    }

    /// <summary>Uploads <paramref name="file"/> as one signed binary and releases it; returns the release and the binary's device download URL.</summary>
    public async Task<(ReleaseResponse Release, string Url)> ReleaseAsync(string file)
    {
        var artifact = await client.Artifacts.CreateAsync(new CreateArtifactRequest("payload",
            CustomMetadata: JsonDocument.Parse("""{"hangar": {"installer": "command", "options": {"command": "discard"}}}""").RootElement));
        var version = await client.ArtifactVersions.CreateAsync(new CreateArtifactVersionRequest(artifact.Id.ToString(), "2.0.0"));
        string sha256;
        await using (var stream = File.OpenRead(file))
        {
            sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream));
        }

        var size = new FileInfo(file).Length;
        var binary = await client.Binaries.CreateAsync(new CreateBinaryRequest(version.Id.ToString(), "portable", size, sha256));
        await using (var stream = File.OpenRead(file))
        {
            await client.Binaries.UploadPartAsync(binary.Id.ToString(), 1, stream, size, sha256);
        }

        await client.Binaries.UpdateAsync(binary.Id.ToString(), new UpdateBinaryRequest(State: "hashable"));
        await client.Binaries.UpdateAsync(binary.Id.ToString(), new UpdateBinaryRequest(State: "hashing"));
        while ((await client.Binaries.GetAsync(binary.Id.ToString())).State == "hashing")
        {
            await Task.Delay(100);
        }

        var signature = Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(key, Convert.FromHexString(sha256)));
        await client.BinarySignatures.CreateAsync(new CreateBinarySignatureRequest(binary.Id.ToString(), registered.Id.ToString(), signature));
        var bundle = await client.Bundles.CreateAsync(new CreateBundleRequest([new BundleEntryRequest(binary.Id.ToString())]));
        var release = await client.Releases.CreateAsync(new CreateReleaseRequest("2.0.0", cohort.Id.ToString(), bundle.Id.ToString(),
            Version: "2.0.0", VersionRequirement: ">= 1.0.0"));
        var url = await client.Binaries.GetDownloadUrlAsync(binary.Id.ToString());
        return (release, new Uri(server.DeviceUrl, url.DevicePath.TrimStart('/')).ToString());
    }
}
