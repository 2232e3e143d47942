using System.Security.Cryptography;
using Hangar.Client;
using Hangar.Contracts.Firmware;

namespace Hangar.Server.Tests.Firmware;

/// <summary>A generated file of random bytes in a temp directory, uploaded part by part straight from disk.</summary>
internal sealed class LargeFile : IDisposable
{
    private readonly string _path;

    private LargeFile(string path, string sha256)
    {
        _path = path;
        Sha256 = sha256;
    }

    public string Sha256 { get; }

    public static async Task<LargeFile> CreateAsync(long size)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("hangar-large-").FullName, "firmware.bin");
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[4 * 1024 * 1024];
        await using (var file = File.Create(path))
        {
            for (long written = 0; written < size; written += buffer.Length)
            {
                var count = (int)Math.Min(buffer.Length, size - written);
                Random.Shared.NextBytes(buffer.AsSpan(0, count));
                hash.AppendData(buffer, 0, count);
                await file.WriteAsync(buffer.AsMemory(0, count));
            }
        }

        return new LargeFile(path, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    public async Task<BinaryPartResponse> UploadPartAsync(HangarClient client, Guid binaryId, int index, int partSize, long? corruptAt = null)
    {
        var offset = (long)(index - 1) * partSize;
        var size = (int)Math.Min(partSize, new FileInfo(_path).Length - offset);
        var bytes = new byte[size];
        await using (var file = File.OpenRead(_path))
        {
            file.Seek(offset, SeekOrigin.Begin);
            await file.ReadExactlyAsync(bytes);
        }

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (corruptAt is { } at)
        {
            bytes[at] ^= 0xff;
        }

        return await client.Binaries.UploadPartAsync(binaryId.ToString(), index, new MemoryStream(bytes), size, sha256, TestContext.Current.CancellationToken);
    }

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_path)!, recursive: true);
}
