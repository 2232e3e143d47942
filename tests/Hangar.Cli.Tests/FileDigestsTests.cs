using System.Security.Cryptography;
using Hangar.Cli.Firmware;
using Xunit;

namespace Hangar.Cli.Tests;

public sealed class FileDigestsTests
{
    [Theory]
    [InlineData(3_500_000, 1_000_003)]
    [InlineData(2 * 1024 * 1024, 1024 * 1024)]
    [InlineData(1000, 5_000_000)]
    [InlineData(1, 1)]
    public async Task Compute_OneRead_GivesTheWholeHashAndEveryPartsHash(int size, long partSize)
    {
        var content = RandomNumberGenerator.GetBytes(size);
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(file, content, TestContext.Current.CancellationToken);

            var digests = await FileDigests.ComputeAsync(file, partSize, TestContext.Current.CancellationToken);

            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), digests.Sha256);
            var expected = content.Chunk((int)Math.Min(partSize, size)).Select(part => Convert.ToHexStringLower(SHA256.HashData(part)));
            Assert.Equal(expected, digests.Parts);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
