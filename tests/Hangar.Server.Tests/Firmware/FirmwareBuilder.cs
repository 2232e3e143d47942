using System.Security.Cryptography;
using Hangar.Client;
using Hangar.Contracts.Firmware;
using NSec.Cryptography;

namespace Hangar.Server.Tests.Firmware;

/// <summary>Creates firmware resources for tests through the typed client, the way a user would.</summary>
internal static class FirmwareBuilder
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static async Task<ArtifactVersionResponse> VersionAsync(HangarClient client)
    {
        var artifact = await client.Artifacts.CreateAsync(new CreateArtifactRequest($"rootfs-{Guid.CreateVersion7():N}"), cancellationToken: Cancel);
        return await client.ArtifactVersions.CreateAsync(new CreateArtifactVersionRequest(artifact.Id.ToString(), "1.0.0"), cancellationToken: Cancel);
    }

    public static async Task<BinaryResponse> DeclareAsync(HangarClient client, byte[] content, string? sha256 = null, string target = "aarch64-unknown-linux-gnu")
    {
        var version = await VersionAsync(client);
        return await client.Binaries.CreateAsync(
            new CreateBinaryRequest(version.Id.ToString(), target, content.Length, sha256 ?? Sha(content)), cancellationToken: Cancel);
    }

    public static async Task UploadPartsAsync(HangarClient client, Guid binaryId, byte[] content, int partSize)
    {
        for (int offset = 0, index = 1; offset < content.Length; offset += partSize, index++)
        {
            var part = content.AsMemory(offset, Math.Min(partSize, content.Length - offset)).ToArray();
            await client.Binaries.UploadPartAsync(binaryId.ToString(), index, new MemoryStream(part), part.Length, Sha(part), Cancel);
        }
    }

    /// <summary>Declares, uploads and hashes: the binary comes back signable.</summary>
    /// <param name="partSize">One request per part: a binary of megabytes in 1 KiB parts takes thousands of them.</param>
    public static async Task<BinaryResponse> SignableAsync(HangarClient client, byte[] content, int partSize = 1024)
    {
        var binary = await DeclareAsync(client, content);
        await UploadPartsAsync(client, binary.Id, content, partSize);
        return await HashAsync(client, binary.Id);
    }

    public static async Task<BinaryResponse> HashAsync(HangarClient client, Guid binaryId)
    {
        await client.Binaries.UpdateAsync(binaryId.ToString(), new UpdateBinaryRequest(State: "hashable"), Cancel);
        await client.Binaries.UpdateAsync(binaryId.ToString(), new UpdateBinaryRequest(State: "hashing"), Cancel);
        return await SettledAsync(client, binaryId);
    }

    /// <summary>Waits (bounded) for the hashing worker to add a signable binary's SHA-1 and MD5, which follow its state.</summary>
    public static async Task<BinaryResponse> LegacyDigestedAsync(HangarClient client, Guid binaryId)
    {
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var binary = await client.Binaries.GetAsync(binaryId.ToString(), Cancel);
            if (binary.Sha1 is not null && binary.Md5 is not null || deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                return binary;
            }

            await Task.Delay(50, Cancel);
        }
    }

    /// <summary>Waits for the hashing worker to finish with the binary (it reacts to a signal, so this is quick).</summary>
    public static async Task<BinaryResponse> SettledAsync(HangarClient client, Guid binaryId)
    {
        while (true)
        {
            var binary = await client.Binaries.GetAsync(binaryId.ToString(), Cancel);
            if (binary.State != "hashing")
            {
                return binary;
            }

            await Task.Delay(20, Cancel);
        }
    }

    /// <summary>A signing key registered in the tenant, with its private half for signing.</summary>
    public static async Task<(SigningKeyResponse Registered, Key Private)> SigningKeyAsync(HangarClient client)
    {
        var key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        var value = Convert.ToBase64String(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
        var registered = await client.SigningKeys.CreateAsync(new CreateSigningKeyRequest($"key-{Guid.CreateVersion7():N}", value), cancellationToken: Cancel);
        return (registered, key);
    }

    public static string SignDigest(Key key, string sha256) =>
        Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(key, Convert.FromHexString(sha256)));

    public static async Task<BinaryResponse> SignedAsync(HangarClient client, byte[] content)
    {
        var binary = await SignableAsync(client, content);
        var (registered, key) = await SigningKeyAsync(client);
        using (key)
        {
            await client.BinarySignatures.CreateAsync(new CreateBinarySignatureRequest(binary.Id.ToString(), registered.Id.ToString(), SignDigest(key, binary.Sha256)), cancellationToken: Cancel);
        }

        return await client.Binaries.GetAsync(binary.Id.ToString(), Cancel);
    }

    public static byte[] Bytes(int length)
    {
        var bytes = new byte[length];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }

    public static string Sha(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
