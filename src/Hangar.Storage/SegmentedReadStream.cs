using Microsoft.Win32.SafeHandles;

namespace Hangar.Storage;

/// <summary>
/// A read-only, seekable view of several files one after another: an object stored as its parts reads as one stream,
/// so range requests seek into it like into a single file. One file is open at a time.
/// </summary>
internal sealed class SegmentedReadStream(IReadOnlyList<(string Path, long Length)> segments) : Stream
{
    private readonly long[] _starts = Starts(segments);
    private readonly long _length = segments.Sum(s => s.Length);
    private long _position;
    private int _openIndex = -1;
    private SafeFileHandle? _open;

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => _length;

    public override long Position
    {
        get => _position;
        set => _position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_position >= _length || buffer.IsEmpty)
        {
            return 0;
        }

        var (handle, offset, remaining) = Locate();
        var read = RandomAccess.Read(handle, buffer[..(int)Math.Min(buffer.Length, remaining)], offset);
        return Advance(read);
    }

    /// <summary>
    /// Reads synchronously. On Linux every asynchronous file read is a thread-pool work item that does the same blocking
    /// read; a download asks for 64 KiB at a time, and those hops halved download throughput (docs/performance.md).
    /// </summary>
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Read(buffer.Span));
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => _length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        return _position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _open?.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>The file holding the current position, the offset in it and how many of its bytes are left.</summary>
    private (SafeFileHandle Handle, long Offset, long Remaining) Locate()
    {
        var index = Array.BinarySearch(_starts, _position);
        if (index < 0)
        {
            index = ~index - 1;
        }

        // Empty files share their start with the next one; skip to the file that has bytes at this position.
        while (segments[index].Length == 0)
        {
            index++;
        }

        if (index != _openIndex || _open is null)
        {
            _open?.Dispose();
            _open = null;
            _open = File.OpenHandle(segments[index].Path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
            _openIndex = index;
        }

        var offset = _position - _starts[index];
        return (_open, offset, segments[index].Length - offset);
    }

    private int Advance(int read)
    {
        if (read == 0)
        {
            throw new IOException($"{segments[_openIndex].Path} is shorter than the {segments[_openIndex].Length} bytes its object records.");
        }

        _position += read;
        return read;
    }

    private static long[] Starts(IReadOnlyList<(string Path, long Length)> segments)
    {
        var starts = new long[segments.Count];
        for (var i = 1; i < starts.Length; i++)
        {
            starts[i] = starts[i - 1] + segments[i - 1].Length;
        }

        return starts;
    }
}
