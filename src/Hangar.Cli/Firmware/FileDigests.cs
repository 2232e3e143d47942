using System.Security.Cryptography;

namespace Hangar.Cli.Firmware;

/// <summary>
/// The SHA-256 of a whole file and of each of its parts, from one sequential read: the binary must be declared with
/// its hash before the first part goes out, and every part is sent with its own. The two hashes run on separate
/// cores while the next block is read, so this costs about one hashing pass of wall time instead of two.
/// </summary>
internal sealed record FileDigests(string Sha256, IReadOnlyList<string> Parts)
{
    private const int BlockBytes = 1024 * 1024;

    public static async Task<FileDigests> ComputeAsync(string path, long partSize, CancellationToken cancellationToken)
    {
        using var whole = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var part = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var parts = new List<string>();
        long inPart = 0;
        await using var file = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.Open,
            Access = FileAccess.Read,
            Share = FileShare.Read,
            Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
            BufferSize = 0,
        });
        byte[][] blocks = [new byte[BlockBytes], new byte[BlockBytes]];
        var current = 0;
        var read = await file.ReadAsync(blocks[current], cancellationToken);
        while (read > 0)
        {
            var (block, length) = (blocks[current], read);
            var next = file.ReadAsync(blocks[1 - current], cancellationToken).AsTask();
            var wholeDone = Task.Run(() => whole.AppendData(block, 0, length), cancellationToken);
            for (var offset = 0; offset < length;)
            {
                var take = (int)Math.Min(length - offset, partSize - inPart);
                part.AppendData(block, offset, take);
                offset += take;
                inPart += take;
                if (inPart == partSize)
                {
                    parts.Add(Convert.ToHexStringLower(part.GetHashAndReset()));
                    inPart = 0;
                }
            }

            await wholeDone;
            read = await next;
            current = 1 - current;
        }

        if (inPart > 0)
        {
            parts.Add(Convert.ToHexStringLower(part.GetHashAndReset()));
        }

        return new FileDigests(Convert.ToHexStringLower(whole.GetHashAndReset()), parts);
    }
}
