using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;

namespace Hangar.Server.Features.Firmware;

/// <summary>
/// Sends a file body in 1 MiB blocks read straight into the response pipe. ASP.NET Core's own send-file copies through
/// a small buffer and flushes after each one, which on a fast link spends more time in system calls than moving bytes
/// (see docs/performance.md for what this changed). The framework's range, ETag and If-Range handling stays: this
/// decorates only the final copy. Kestrel has no kernel sendfile, and TLS on the device listener would rule it out.
/// </summary>
internal sealed class LargeBlockSendFile(IHttpResponseBodyFeature inner) : IHttpResponseBodyFeature
{
    private const int BlockBytes = 1024 * 1024;

    public Stream Stream => inner.Stream;

    public PipeWriter Writer => inner.Writer;

    /// <summary>Replaces the request's response body feature, so the file result that follows sends through it.</summary>
    public static void Use(HttpContext http) =>
        http.Features.Set<IHttpResponseBodyFeature>(new LargeBlockSendFile(http.Features.GetRequiredFeature<IHttpResponseBodyFeature>()));

    public void DisableBuffering() => inner.DisableBuffering();

    public Task StartAsync(CancellationToken cancellationToken = default) => inner.StartAsync(cancellationToken);

    public Task CompleteAsync() => inner.CompleteAsync();

    public async Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default)
    {
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.Asynchronous | FileOptions.SequentialScan);
        var end = count is { } length ? offset + length : RandomAccess.GetLength(file);
        await inner.StartAsync(cancellationToken);
        var writer = inner.Writer;
        while (offset < end)
        {
            var block = writer.GetMemory((int)Math.Min(BlockBytes, end - offset));
            var read = await RandomAccess.ReadAsync(file, block[..(int)Math.Min(block.Length, end - offset)], offset, cancellationToken);
            if (read == 0)
            {
                throw new IOException($"{path} ended at byte {offset}, before the {end} bytes being sent.");
            }

            writer.Advance(read);
            offset += read;
            var flushed = await writer.FlushAsync(cancellationToken);
            if (flushed.IsCompleted || flushed.IsCanceled)
            {
                // The client went away; nothing more can be sent.
                return;
            }
        }
    }
}
