using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;

namespace Hangar.Agent.Downloads;

/// <summary>
/// Streams a binary into the cache and resumes with HTTP <c>Range</c> after a lost connection (same call) or a
/// restart (the partial file and its ETag persist). <c>If-Range</c> makes a server whose file changed answer 200 with
/// the whole new file, which replaces the partial instead of being spliced onto it. Never writes past the declared
/// size; verifies size and SHA-256 at the end and deletes a corrupt result. Attempts that move the download forward
/// do not use up the retry budget; consecutive ones that do not are bounded by <c>MaxAttempts</c>.
/// </summary>
public sealed class ResumableDownloader(HttpClient http, string cacheDirectory, DownloadOptions options, TimeProvider time, ILogger logger, Random random)
{
    private const int BufferBytes = 81920;

    public async Task<DownloadResult> DownloadAsync(DownloadRequest request, CancellationToken cancellationToken)
    {
        var cache = new DownloadCache(cacheDirectory, request.Key);
        var expectedHash = request.Sha256.ToLowerInvariant();
        if (File.Exists(cache.CompletePath))
        {
            if (await HasContentAsync(cache.CompletePath, request.Size, expectedHash, cancellationToken))
            {
                return new DownloadResult(cache.CompletePath, 0);
            }

            File.Delete(cache.CompletePath);
        }

        var sidecar = cache.ReadSidecar();
        if (sidecar is null || sidecar.Size != request.Size || sidecar.Sha256 != expectedHash)
        {
            cache.DeletePartial();
            sidecar = new PartialDownload(request.Size, expectedHash, null);
            cache.WriteSidecar(sidecar);
        }

        var existing = File.Exists(cache.PartialPath) ? new FileInfo(cache.PartialPath).Length : 0;
        EnsureFreeSpace(request.Size - Math.Min(existing, request.Size));

        await using var file = new FileStream(cache.PartialPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, BufferBytes);
        if (file.Length > request.Size)
        {
            file.SetLength(0);
        }

        var progress = new TransferProgress(
            file, request.Size, await HashPrefixAsync(file, cancellationToken), options.MaxBytesPerSecond, request.OnProgress, time)
        { ETag = sidecar.ETag };
        var failures = 0;
        while (progress.Offset < request.Size)
        {
            var before = progress.Offset;
            try
            {
                await FetchAsync(request, cache, sidecar, progress, cancellationToken);
                if (progress.Offset < request.Size)
                {
                    throw new IOException($"the response ended at byte {progress.Offset} of {request.Size}");
                }
            }
            catch (Exception exception) when (IsTransient(exception, cancellationToken))
            {
                failures = progress.Offset > before ? 1 : failures + 1;
                if (failures >= options.MaxAttempts && progress.Offset == before)
                {
                    await file.FlushAsync(cancellationToken);
                    throw new DownloadException(DownloadFailure.RetriesExhausted,
                        $"download of {request.Key} failed {failures} times in a row at byte {progress.Offset} of {request.Size}: {exception.Message}", exception);
                }

                var delay = RetryBackoff.Delay(failures, options.InitialBackoff, options.MaxBackoff, random);
                logger.LogWarning("Download of {Key} interrupted at {Offset}/{Size} ({Reason}); retrying in {Delay}",
                    request.Key, progress.Offset, request.Size, exception.Message, delay);
                await Task.Delay(delay, time, cancellationToken);
            }
        }

        file.Flush(flushToDisk: true);
        var actual = Convert.ToHexStringLower(progress.Hash.GetHashAndReset());
        var length = file.Length;
        if (length != request.Size || actual != expectedHash)
        {
            await file.DisposeAsync();
            cache.DeletePartial();
            throw new DownloadException(DownloadFailure.Corrupt,
                $"download of {request.Key} has SHA-256 {actual} and {length} bytes, expected {expectedHash} and {request.Size}; deleted");
        }

        await file.DisposeAsync();
        cache.Promote();
        return new DownloadResult(cache.CompletePath, progress.Fetched);
    }

    /// <summary>
    /// Deletes cached files, partial or complete, of every key not in <paramref name="keep"/>: what an abandoned or
    /// finished update left behind. A partial of a kept key survives, so its download resumes.
    /// </summary>
    public void DiscardAllExcept(IReadOnlyCollection<string> keep)
    {
        foreach (var directory in new[] { Path.Combine(cacheDirectory, "partial"), Path.Combine(cacheDirectory, "complete") })
        {
            if (!Directory.Exists(directory))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(directory))
            {
                var name = Path.GetFileName(file);
                if (!keep.Any(key => name == key || name.StartsWith(key + ".json", StringComparison.Ordinal)))
                {
                    File.Delete(file);
                }
            }
        }
    }

    private async Task FetchAsync(
        DownloadRequest request, DownloadCache cache, PartialDownload sidecar, TransferProgress progress, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, request.Url);
        if (progress.Offset > 0)
        {
            message.Headers.Range = new RangeHeaderValue(progress.Offset, null);
            if (progress.ETag is not null)
            {
                message.Headers.IfRange = new RangeConditionHeaderValue(EntityTagHeaderValue.Parse(progress.ETag));
            }
        }

        using var stall = new CancellationTokenSource(options.StallTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stall.Token);
        using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linked.Token);
        if (response.StatusCode == HttpStatusCode.PartialContent && progress.Offset > 0)
        {
            var range = response.Content.Headers.ContentRange;
            var changed = progress.ETag is not null && response.Headers.ETag is { } served && served.ToString() != progress.ETag;
            if (changed || range?.From != progress.Offset || (range.Length is { } total && total != request.Size))
            {
                // A range we did not ask for, or of another version of the file, cannot be appended; start over.
                progress.Restart();
                throw new IOException($"the server answered range {range} to a request from byte {progress.Offset}");
            }
        }
        else if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.PartialContent)
        {
            // 200: the whole file, because the server ignores Range or If-Range saw a different ETag.
            progress.Restart();
        }
        else
        {
            var status = (int)response.StatusCode;
            var message2 = $"the server answered {status} {response.ReasonPhrase} for {request.Key}";
            if (status is >= 400 and < 500 and not 408 and not 429 and not 416)
            {
                throw new DownloadException(DownloadFailure.Rejected, message2);
            }

            if (status == 416)
            {
                progress.Restart();
            }

            throw new HttpRequestException(message2);
        }

        var etag = response.Headers.ETag is { IsWeak: false } strong ? strong.ToString() : null;
        if (etag != progress.ETag)
        {
            // Persisted before any byte of this response is appended, so a resume after a restart asks If-Range with it.
            progress.ETag = etag;
            cache.WriteSidecar(sidecar with { ETag = etag });
        }

        await using var body = await response.Content.ReadAsStreamAsync(linked.Token);
        await progress.CopyAsync(body, stall, options.StallTimeout, linked.Token);
    }

    private static bool IsTransient(Exception exception, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested
        && exception is HttpRequestException or IOException or OperationCanceledException && exception is not DownloadException;

    private void EnsureFreeSpace(long remaining)
    {
        var available = new DriveInfo(cacheDirectory).AvailableFreeSpace;
        if (available < remaining + options.FreeSpaceReserveBytes)
        {
            throw new DownloadException(DownloadFailure.InsufficientSpace,
                $"{available} bytes free in {cacheDirectory}; the download needs {remaining} more plus the reserve of {options.FreeSpaceReserveBytes}");
        }
    }

    private static async Task<IncrementalHash> HashPrefixAsync(FileStream file, CancellationToken cancellationToken)
    {
        var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[BufferBytes];
        file.Position = 0;
        int read;
        while ((read = await file.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }

        return hash;
    }

    private static async Task<bool> HasContentAsync(string path, long size, string sha256, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return stream.Length == size && Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken)) == sha256;
    }
}
