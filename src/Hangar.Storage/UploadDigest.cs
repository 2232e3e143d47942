using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;

namespace Hangar.Storage;

/// <summary>
/// The SHA-256 of an upload's content, computed while its parts arrive: as soon as parts 1..k are staged, a background
/// pass hashes them in order into one running hash, so that on completion only the parts not hashed yet are left. A
/// part that arrives with its blocks still in memory (<see cref="ReceivedBlocks"/>: the very buffers written to its
/// file) is hashed from them and its file is not read; the others are read from their files, with <c>direct</c> around
/// the page cache (<see cref="DirectIo"/>) as the store wrote them, each block read while the one before is hashed. Part
/// files are named by their content's SHA-256 and never rewritten, so what was hashed is what the object will be made
/// of; a part re-sent with other content after it was hashed makes the hash start over. The state lives in this process
/// only: a completion on another node, or after a restart, reads every part, through the same <see cref="FinishAsync"/>.
/// Blocks kept for a part that waits for an earlier one go back to the pool once no part has arrived for
/// <see cref="KeptBlocksLifetime"/> (an upload abandoned halfway must not hold the budget until it is collected).
/// </summary>
internal sealed class UploadDigest(AlignedBufferPool buffers, bool direct, TimeProvider time) : IDisposable
{
    public static readonly TimeSpan KeptBlocksLifetime = TimeSpan.FromSeconds(60);

    private readonly Lock _gate = new();
    private readonly Dictionary<int, PartFile> _arrived = [];
    private readonly List<PartFile> _consumed = [];
    private readonly Dictionary<int, (PartFile Part, ReceivedBlocks Blocks)> _inMemory = [];
    private IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private Task _pass = Task.CompletedTask;
    private bool _reading;
    private bool _restart;
    private bool _disposed;
    private (PartFile Part, Exception Error)? _failure;
    private ITimer? _keptExpiry;

    /// <summary>A staged part file whose content has <see cref="Sha256"/>.</summary>
    public sealed record PartFile(int Index, long Size, string Sha256, string Path);

    /// <summary>
    /// Part <paramref name="part"/> is staged (first or again): hashing goes on, or starts over if it had read another
    /// version. <paramref name="blocks"/>, the part's content as received, is taken over (and used if it is whole).
    /// </summary>
    public void Arrived(PartFile part, ReceivedBlocks? blocks = null)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                blocks?.Dispose();
                return;
            }

            if (_inMemory.Remove(part.Index, out var older))
            {
                older.Blocks.Dispose();
            }

            // Kept only for a part still to be hashed: an identical part sent again after it was hashed is not read again.
            if (blocks?.Whole(part.Size) is not null && (part.Index > _consumed.Count || _restart || _consumed[part.Index - 1] != part))
            {
                _inMemory[part.Index] = (part, blocks);
                _keptExpiry ??= time.CreateTimer(_ => ReleaseKept(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                _keptExpiry.Change(KeptBlocksLifetime, Timeout.InfiniteTimeSpan);
            }
            else
            {
                blocks?.Dispose();
            }

            _arrived[part.Index] = part;
            if (part.Index <= _consumed.Count && _consumed[part.Index - 1] != part)
            {
                _restart = true;
            }

            StartPassLocked();
        }
    }

    /// <summary>
    /// The SHA-256 (lowercase hex) of exactly <paramref name="parts"/>, in order: what was already read into the running
    /// hash is kept if it is a prefix of them, the rest is read now. Throws what reading a part threw: an
    /// <see cref="IOException"/> (<see cref="FileNotFoundException"/> for a missing file) or an
    /// <see cref="InvalidDataException"/> for a file that is not its recorded size.
    /// </summary>
    public async Task<string> FinishAsync(IReadOnlyList<PartFile> parts, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _arrived.Clear();
            foreach (var part in parts)
            {
                _arrived[part.Index] = part;
            }

            if (_consumed.Count > parts.Count || _consumed.Where((part, i) => part != parts[i]).Any())
            {
                _restart = true;
            }

            // A failure before this call came from parts that may since have been re-sent; try again.
            _failure = null;
        }

        while (true)
        {
            Task pass;
            lock (_gate)
            {
                if (!_reading)
                {
                    if (_failure is { } failure && _arrived.GetValueOrDefault(failure.Part.Index) == failure.Part)
                    {
                        _failure = null;
                        throw failure.Error;
                    }

                    _failure = null;
                    if (!_restart && _consumed.Count == parts.Count)
                    {
                        return Convert.ToHexStringLower(_hash.GetCurrentHash());
                    }

                    StartPassLocked();
                }

                pass = _pass;
            }

            // Cancelling the completion leaves the pass running: its work serves the next attempt.
            await pass.WaitAsync(cancellationToken);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _keptExpiry?.Dispose();
            ReleaseKeptLocked();
            if (!_reading)
            {
                _hash.Dispose();
            }
        }
    }

    private void ReleaseKept()
    {
        lock (_gate)
        {
            ReleaseKeptLocked();
        }
    }

    /// <summary>Gives every kept block back; the parts they belonged to are read from their files when their turn comes.</summary>
    private void ReleaseKeptLocked()
    {
        foreach (var (_, blocks) in _inMemory.Values)
        {
            blocks.Dispose();
        }

        _inMemory.Clear();
    }

    private void StartPassLocked()
    {
        if (_reading || _failure is not null)
        {
            return;
        }

        StartOverIfAskedLocked();

        if (_arrived.ContainsKey(_consumed.Count + 1))
        {
            _reading = true;
            _pass = Task.Run(ReadAsync);
        }
    }

    /// <summary>Drops what was hashed when a re-sent or failed part invalidated it.</summary>
    private void StartOverIfAskedLocked()
    {
        if (_restart)
        {
            _hash.Dispose();
            _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            _consumed.Clear();
            _restart = false;
        }
    }

    /// <summary>Reads consecutive parts into the hash until the next one has not arrived. One pass per upload at a time; it owns the hash while it runs.</summary>
    private async Task ReadAsync()
    {
        Memory<byte>[] blocks = [buffers.Rent(), buffers.Rent()];
        try
        {
            while (true)
            {
                PartFile? next;
                ReceivedBlocks? received = null;
                lock (_gate)
                {
                    if (_disposed)
                    {
                        _hash.Dispose();
                        _reading = false;
                        return;
                    }

                    StartOverIfAskedLocked();

                    if (!_arrived.TryGetValue(_consumed.Count + 1, out next))
                    {
                        _reading = false;
                        return;
                    }

                    // Taken out, so a re-sent part's arrival cannot return these blocks while they are hashed.
                    if (_inMemory.Remove(next.Index, out var kept))
                    {
                        received = kept.Part == next ? kept.Blocks : null;
                        if (received is null)
                        {
                            kept.Blocks.Dispose();
                        }
                    }
                }

                Exception? error = null;
                try
                {
                    if (received?.Whole(next.Size) is { } inMemory)
                    {
                        foreach (var block in inMemory)
                        {
                            _hash.AppendData(block.Span);
                        }
                    }
                    else
                    {
                        await AppendAsync(_hash, next, blocks, direct);
                    }
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException)
                {
                    error = exception;
                }
                finally
                {
                    received?.Dispose();
                }

                lock (_gate)
                {
                    if (error is not null)
                    {
                        // The hash holds part of a file now: it can only start over.
                        _failure = (next, error);
                        _restart = true;
                    }
                    else if (_arrived.GetValueOrDefault(next.Index) == next)
                    {
                        _consumed.Add(next);
                    }
                    else
                    {
                        // Re-sent while it was read: the hash no longer describes the upload.
                        _restart = true;
                    }

                    if (error is not null || _disposed)
                    {
                        if (_disposed)
                        {
                            _hash.Dispose();
                        }

                        _reading = false;
                        return;
                    }
                }
            }
        }
        finally
        {
            buffers.Return(blocks[0]);
            buffers.Return(blocks[1]);
        }
    }

    /// <summary>Hashes the part's file, reading the next block while the last one is hashed; refuses a file that is not its recorded size.</summary>
    private static async Task AppendAsync(IncrementalHash hash, PartFile part, Memory<byte>[] blocks, bool direct)
    {
        using var file = File.OpenHandle(part.Path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        direct = direct && DirectIo.TryEnable(file);
        var current = 0;
        long offset = 0;
        var reading = ReadBlockAsync(file, blocks[current], offset, ref direct);
        try
        {
            while (offset <= part.Size)
            {
                var read = await reading;
                if (read == 0)
                {
                    break;
                }

                var block = blocks[current][..read];
                offset += read;
                if (offset > part.Size)
                {
                    break;
                }

                current = 1 - current;
                reading = ReadBlockAsync(file, blocks[current], offset, ref direct);
                hash.AppendData(block.Span);
            }
        }
        finally
        {
            // The buffers are reused only once no read still fills them.
            await ((Task)reading).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        if (offset != part.Size)
        {
            var actual = offset > part.Size ? "more" : offset.ToString(CultureInfo.InvariantCulture);
            throw new InvalidDataException($"{part.Path} has {actual} bytes, not the {part.Size} recorded.");
        }
    }

    /// <summary>A read at <paramref name="offset"/>; direct only from an aligned offset (a short read before it ended the direct run).</summary>
    private static Task<int> ReadBlockAsync(SafeFileHandle file, Memory<byte> block, long offset, ref bool direct)
    {
        if (direct && !DirectIo.IsAligned(offset, block.Length))
        {
            DirectIo.Disable(file);
            direct = false;
        }

        return RandomAccess.ReadAsync(file, block, offset).AsTask();
    }
}
