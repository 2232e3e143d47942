using System.Security.Cryptography;

namespace Hangar.Agent.Downloads;

/// <summary>The partial file, how far it goes, and the running hash of its bytes.</summary>
/// <param name="maxBytesPerSecond">Paces the copy so a metered link is not saturated; 0 for no limit.</param>
/// <param name="onProgress">Told the offset after every block written.</param>
internal sealed class TransferProgress(FileStream file, long size, IncrementalHash hash, long maxBytesPerSecond, Action<long>? onProgress, TimeProvider time)
{
    private const long FlushEveryBytes = 8 * 1024 * 1024;
    private long _unflushed;

    public IncrementalHash Hash { get; private set; } = hash;

    public long Offset { get; private set; } = file.Length;

    public long Fetched { get; private set; }

    /// <summary>The strong ETag of the bytes in the partial file, for <c>If-Range</c>.</summary>
    public string? ETag { get; set; }

    public void Restart()
    {
        file.SetLength(0);
        Offset = 0;
        Hash.Dispose();
        Hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    }

    /// <summary>Appends the body until the declared size; each read must deliver within the stall timeout.</summary>
    public async Task CopyAsync(Stream body, CancellationTokenSource stall, TimeSpan stallTimeout, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        var started = time.GetTimestamp();
        long copied = 0;
        file.Position = Offset;
        while (Offset < size)
        {
            var wanted = (int)Math.Min(buffer.Length, size - Offset);
            var read = await body.ReadAsync(buffer.AsMemory(0, wanted), cancellationToken);
            if (read == 0)
            {
                break;
            }

            stall.CancelAfter(stallTimeout);
            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            Hash.AppendData(buffer, 0, read);
            Offset += read;
            Fetched += read;
            copied += read;
            _unflushed += read;
            onProgress?.Invoke(Offset);
            if (_unflushed >= FlushEveryBytes)
            {
                file.Flush(flushToDisk: true);
                _unflushed = 0;
            }

            if (maxBytesPerSecond > 0)
            {
                await PaceAsync(started, copied, cancellationToken);
                stall.CancelAfter(stallTimeout);
            }
        }

        await file.FlushAsync(cancellationToken);
    }

    /// <summary>Waits until <paramref name="copied"/> bytes since <paramref name="started"/> are within the rate limit.</summary>
    private async Task PaceAsync(long started, long copied, CancellationToken cancellationToken)
    {
        var due = TimeSpan.FromSeconds((double)copied / maxBytesPerSecond);
        var ahead = due - time.GetElapsedTime(started);
        if (ahead > TimeSpan.Zero)
        {
            await Task.Delay(ahead, time, cancellationToken);
        }
    }
}
