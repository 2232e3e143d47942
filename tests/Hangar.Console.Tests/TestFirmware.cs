using System.Security.Cryptography;
using Hangar.Client;
using Hangar.Contracts.Firmware;
using NSec.Cryptography;

namespace Hangar.Console.Tests;

/// <summary>Firmware set up through the Admin API (as a release engineer's script would), and signing with a key the console never sees.</summary>
internal static class TestFirmware
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static async Task<ArtifactVersionResponse> VersionAsync(HangarClient client, string artifact)
    {
        await client.Artifacts.CreateAsync(new CreateArtifactRequest(artifact), cancellationToken: Cancel);
        return await client.ArtifactVersions.CreateAsync(new CreateArtifactVersionRequest(artifact, "1.0.0"), cancellationToken: Cancel);
    }

    /// <summary>An Ed25519 key registered in the organization, with its private half for signing.</summary>
    public static async Task<(SigningKeyResponse Registered, Key Private)> SigningKeyAsync(HangarClient client)
    {
        var key = Key.Create(SignatureAlgorithm.Ed25519);
        var value = Convert.ToBase64String(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
        var registered = await client.SigningKeys.CreateAsync(new CreateSigningKeyRequest($"release-{Guid.CreateVersion7():N}"[..20], value), cancellationToken: Cancel);
        return (registered, key);
    }

    /// <summary>The signature the server verifies: over the raw 32 bytes of the binary's SHA-256 (docs/concepts/firmware.md).</summary>
    public static string SignDigest(Key key, string sha256) =>
        Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(key, Convert.FromHexString(sha256)));

    /// <summary>A signed one-part binary of the version, bundled alone: what a release ships.</summary>
    public static async Task<BundleResponse> SignedBundleAsync(HangarClient client, string artifact, string target)
    {
        var version = await VersionAsync(client, artifact);
        var content = RandomNumberGenerator.GetBytes(4096);
        var sha256 = Sha(content);
        var binary = await client.Binaries.CreateAsync(new CreateBinaryRequest(version.Id.ToString(), target, content.Length, sha256), cancellationToken: Cancel);
        await client.Binaries.UploadPartAsync(binary.Id.ToString(), 1, new MemoryStream(content), content.Length, sha256, Cancel);
        await client.Binaries.UpdateAsync(binary.Id.ToString(), new UpdateBinaryRequest(State: "hashable"), Cancel);
        await client.Binaries.UpdateAsync(binary.Id.ToString(), new UpdateBinaryRequest(State: "hashing"), Cancel);
        while ((await client.Binaries.GetAsync(binary.Id.ToString(), Cancel)).State == "hashing")
        {
            await Task.Delay(50, Cancel);
        }

        var (registered, key) = await SigningKeyAsync(client);
        using (key)
        {
            await client.BinarySignatures.CreateAsync(new CreateBinarySignatureRequest(binary.Id.ToString(), registered.Id.ToString(), SignDigest(key, sha256)), cancellationToken: Cancel);
        }

        return await client.Bundles.CreateAsync(new CreateBundleRequest([new BundleEntryRequest(binary.Id.ToString())], $"{artifact}-bundle"), cancellationToken: Cancel);
    }

    public static string Sha(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
