using System.Buffers;
using System.Security.Cryptography;

namespace Hangar.Storage;

/// <summary>The copy loop of an incoming part: hashes what it copies and refuses more bytes than declared.</summary>
internal static class HashedCopy
{
    /// <summary>How much is written before the kernel is asked to start writing it out.</summary>
    private const long WriteBehindBytes = 32L * 1024 * 1024;

    /// <summary>
    /// Copies <paramref name="source"/> into <paramref name="target"/>, hashing as it goes, and stops as soon as more than
    /// <paramref name="expectedSize"/> bytes arrive. Blocks are filled before they are hashed and written (a network
    /// stream hands out a few KiB at a time), and each block is written while the next one is read and hashed. With
    /// <paramref name="writeBehind"/> the disk starts on what is written every few MiB instead of at a final fsync.
    /// </summary>
    public static async Task<BlobWriteResult> CopyAsync(
        Stream source, FileStream target, long expectedSize, string expectedSha256, int bufferBytes, bool writeBehind, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        byte[][] buffers = [ArrayPool<byte>.Shared.Rent(bufferBytes), ArrayPool<byte>.Shared.Rent(bufferBytes)];
        var writing = Task.CompletedTask;
        var current = 0;
        long total = 0;
        long synced = 0;
        try
        {
            while (true)
            {
                var filled = 0;
                int read;
                while (filled < bufferBytes && (read = await source.ReadAsync(buffers[current].AsMemory(filled, bufferBytes - filled), cancellationToken)) > 0)
                {
                    filled += read;
                }

                if (filled == 0)
                {
                    break;
                }

                total += filled;
                if (total > expectedSize)
                {
                    return new BlobWriteResult(BlobWriteOutcome.SizeMismatch, total, "");
                }

                hash.AppendData(buffers[current], 0, filled);
                await writing;
                var written = total - filled;
                if (writeBehind && written - synced >= WriteBehindBytes)
                {
                    FileSync.StartWriteback(target.SafeFileHandle, synced, written - synced);
                    synced = written;
                }

                writing = target.WriteAsync(buffers[current].AsMemory(0, filled), cancellationToken).AsTask();
                current = 1 - current;
            }

            await writing;
            if (writeBehind)
            {
                FileSync.StartWriteback(target.SafeFileHandle, synced, total - synced);
            }
        }
        finally
        {
            // The buffers go back only once no write still reads from them.
            await writing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            ArrayPool<byte>.Shared.Return(buffers[0]);
            ArrayPool<byte>.Shared.Return(buffers[1]);
        }

        var sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
        if (total != expectedSize)
        {
            return new BlobWriteResult(BlobWriteOutcome.SizeMismatch, total, sha256);
        }

        return string.Equals(sha256, expectedSha256, StringComparison.OrdinalIgnoreCase)
            ? new BlobWriteResult(BlobWriteOutcome.Stored, total, sha256)
            : new BlobWriteResult(BlobWriteOutcome.HashMismatch, total, sha256);
    }
}
