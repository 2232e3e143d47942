using System.Security.Cryptography;
using Hangar.Client;
using Hangar.Contracts.Firmware;
using NSec.Cryptography;

namespace Hangar.Bench.Updates;

/// <summary>Signed bundles made through the Admin API, as a CI pipeline would: declare, upload, hash, sign, bundle.</summary>
internal sealed class BenchFirmware(HangarClient owner, Key signingKey, Guid signingKeyId)
{
    public static async Task<BenchFirmware> CreateAsync(HangarClient owner)
    {
        var key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        var registered = await owner.SigningKeys.CreateAsync(new CreateSigningKeyRequest("bench", Convert.ToBase64String(key.PublicKey.Export(KeyBlobFormat.RawPublicKey))));
        return new BenchFirmware(owner, key, registered.Id);
    }

    /// <summary>A bundle of one signed binary of <paramref name="size"/> random bytes, version <paramref name="version"/>.</summary>
    public async Task<BundleResponse> BundleAsync(string version, int size = 64 * 1024)
    {
        var content = RandomNumberGenerator.GetBytes(size);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        var artifact = await owner.Artifacts.CreateAsync(new CreateArtifactRequest($"rootfs-{version}"));
        var artifactVersion = await owner.ArtifactVersions.CreateAsync(new CreateArtifactVersionRequest(artifact.Id.ToString(), version));
        var binary = await owner.Binaries.CreateAsync(new CreateBinaryRequest(artifactVersion.Id.ToString(), "aarch64-unknown-linux-gnu", size, sha256));
        await owner.Binaries.UploadPartAsync(binary.Id.ToString(), 1, new MemoryStream(content), size, sha256);
        await owner.Binaries.UpdateAsync(binary.Id.ToString(), new UpdateBinaryRequest(State: "hashable"));
        await owner.Binaries.UpdateAsync(binary.Id.ToString(), new UpdateBinaryRequest(State: "hashing"));
        while ((await owner.Binaries.GetAsync(binary.Id.ToString())).State == "hashing")
        {
            await Task.Delay(20);
        }

        var signature = Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(signingKey, Convert.FromHexString(sha256)));
        await owner.BinarySignatures.CreateAsync(new CreateBinarySignatureRequest(binary.Id.ToString(), signingKeyId.ToString(), signature));
        return await owner.Bundles.CreateAsync(new CreateBundleRequest([new BundleEntryRequest(binary.Id.ToString())], $"bundle-{version}"));
    }
}
