using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;

namespace Hangar.Server.Features.Firmware;

/// <summary>
/// A response body that sends in 1 MiB blocks. ASP.NET Core's stream results copy in 64 KiB pieces and Kestrel's
/// response stream flushes each one, which on a fast link spends more time in system calls and scheduling than moving
/// bytes (see docs/performance.md). This collects the pieces in the response pipe and flushes every 1 MiB and at the
/// end of the body; the framework's range, ETag and If-Range handling stays, since only the final writes are changed.
/// </summary>
internal sealed class LargeBlockResponseBody : Stream, IHttpResponseBodyFeature
{
    private const int BlockBytes = 1024 * 1024;

    private readonly IHttpResponseBodyFeature _inner;
    private readonly HttpResponse _response;
    private long _written;
    private long _unflushed;
    private bool _started;
    private bool _clientGone;

    private LargeBlockResponseBody(IHttpResponseBodyFeature inner, HttpResponse response)
    {
        _inner = inner;
        _response = response;
    }

    Stream IHttpResponseBodyFeature.Stream => this;

    public PipeWriter Writer => _inner.Writer;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>Replaces the request's response body, so the result that follows writes through it.</summary>
    public static void Use(HttpContext http) =>
        http.Features.Set<IHttpResponseBodyFeature>(new LargeBlockResponseBody(http.Features.GetRequiredFeature<IHttpResponseBodyFeature>(), http.Response));

    public void DisableBuffering() => _inner.DisableBuffering();

    public Task StartAsync(CancellationToken cancellationToken = default) => _inner.StartAsync(cancellationToken);

    public async Task CompleteAsync()
    {
        await FlushAsync(CancellationToken.None);
        await _inner.CompleteAsync();
    }

    public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) =>
        _inner.SendFileAsync(path, offset, count, cancellationToken);

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_clientGone)
        {
            return;
        }

        if (!_started)
        {
            await _inner.StartAsync(cancellationToken);
            _started = true;
        }

        var writer = _inner.Writer;
        while (!buffer.IsEmpty)
        {
            // A block starts in a segment of its own of at least 1 MiB, and later writes fill what is left of it:
            // Writer.Write would spread the bytes over the pool's 4 KiB segments, which Kestrel then sends as many
            // small pieces.
            var target = writer.GetMemory(_unflushed == 0 ? BlockBytes : 1);
            var count = Math.Min(target.Length, buffer.Length);
            buffer.Span[..count].CopyTo(target.Span);
            writer.Advance(count);
            buffer = buffer[count..];
            _written += count;
            _unflushed += count;
            // The last piece is flushed at once: the body is complete, nothing more will come to fill the block.
            if (_unflushed >= BlockBytes || _written == _response.ContentLength)
            {
                await FlushAsync(cancellationToken);
                if (_clientGone)
                {
                    return;
                }
            }
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_unflushed == 0 || _clientGone)
        {
            return;
        }

        _unflushed = 0;
        var flushed = await _inner.Writer.FlushAsync(cancellationToken);
        // The client went away; nothing more can be sent.
        _clientGone = flushed.IsCompleted || flushed.IsCanceled;
    }

    public override void Flush() => throw new NotSupportedException("synchronous writes are not allowed");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("synchronous writes are not allowed");

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
