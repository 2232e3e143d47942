using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;

namespace Hangar.Storage;

/// <summary>The copy loop of an incoming part: hashes what it copies and refuses more bytes than declared.</summary>
internal static class HashedCopy
{
    /// <summary>How much is written before the kernel is asked to start writing it out (buffered writes only).</summary>
    private const long WriteBehindBytes = 32L * 1024 * 1024;

    /// <summary>
    /// Copies <paramref name="source"/> into the new, empty <paramref name="target"/>, hashing as it goes, and stops as
    /// soon as more than <paramref name="expectedSize"/> bytes arrive. Blocks are filled before they are hashed and written
    /// (a network stream hands out a few KiB at a time), and each block is written while the next one is read and hashed.
    /// With <paramref name="direct"/> (where the file system allows it) whole blocks go straight to the disk, around the
    /// page cache, and only a last block that is not a whole number of <see cref="DirectIo.Alignment"/> is buffered; with
    /// <paramref name="writeBehind"/> the disk starts on buffered writes every few MiB instead of at a final fsync. Each
    /// block, once written, is offered to <paramref name="keep"/> (for the upload's running hash); a kept buffer is replaced.
    /// </summary>
    public static async Task<BlobWriteResult> CopyAsync(
        Stream source, SafeFileHandle target, long expectedSize, string expectedSha256, AlignedBufferPool buffers, bool direct, bool writeBehind,
        ReceivedBlocks? keep, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        direct = direct && DirectIo.TryEnable(target);
        Memory<byte>[] blocks = [buffers.Rent(), buffers.Rent()];
        var blockBytes = buffers.BufferBytes;
        var writing = Task.CompletedTask;
        (int Block, int Length)? written = null;
        var current = 0;
        long total = 0;
        long synced = 0;
        try
        {
            while (true)
            {
                var block = blocks[current];
                var filled = 0;
                int read;
                while (filled < blockBytes && (read = await source.ReadAsync(block[filled..], cancellationToken)) > 0)
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

                hash.AppendData(block.Span[..filled]);
                await writing;
                Keep(written);
                var offset = total - filled;
                if (direct && !DirectIo.IsAligned(offset, filled))
                {
                    // Only the last block can be short: it goes through the page cache, from an aligned offset.
                    DirectIo.Disable(target);
                    direct = false;
                    synced = offset;
                }

                if (!direct && writeBehind && offset - synced >= WriteBehindBytes)
                {
                    FileSync.StartWriteback(target, synced, offset - synced);
                    synced = offset;
                }

                writing = RandomAccess.WriteAsync(target, block[..filled], offset, cancellationToken).AsTask();
                written = (current, filled);
                current = 1 - current;
            }

            await writing;
            Keep(written);
            if (!direct && writeBehind)
            {
                FileSync.StartWriteback(target, synced, total - synced);
            }
        }
        finally
        {
            // The buffers go back only once no write still reads from them.
            await writing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            buffers.Return(blocks[0]);
            buffers.Return(blocks[1]);
        }

        var sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
        return Outcome(total, expectedSize, sha256, expectedSha256);

        void Keep((int Block, int Length)? block)
        {
            if (block is { } done && keep is not null && keep.TryKeep(blocks[done.Block], done.Length))
            {
                blocks[done.Block] = buffers.Rent();
            }
        }
    }

    private static BlobWriteResult Outcome(long total, long expectedSize, string sha256, string expectedSha256)
    {
        if (total != expectedSize)
        {
            return new BlobWriteResult(BlobWriteOutcome.SizeMismatch, total, sha256);
        }

        return string.Equals(sha256, expectedSha256, StringComparison.OrdinalIgnoreCase)
            ? new BlobWriteResult(BlobWriteOutcome.Stored, total, sha256)
            : new BlobWriteResult(BlobWriteOutcome.HashMismatch, total, sha256);
    }
}
