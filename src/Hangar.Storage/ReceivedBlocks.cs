namespace Hangar.Storage;

/// <summary>
/// The blocks of one part as they were received, hashed and written, kept in memory for the upload's running hash
/// (<see cref="UploadDigest"/>) so that it need not read them back from disk. Kept only while the pool's budget allows
/// (<see cref="BlobStorageOptions.RunningHashMemoryBytes"/>): once a block is refused, the part is read from its file
/// like any other, and what was kept goes back at once. Whoever holds this disposes it; that returns the blocks.
/// </summary>
internal sealed class ReceivedBlocks(AlignedBufferPool pool) : IDisposable
{
    private readonly List<(Memory<byte> Buffer, int Length)> _kept = [];
    private bool _refused;

    /// <summary>The kept blocks, in order, when they are the whole of <paramref name="size"/> bytes; otherwise null.</summary>
    public IEnumerable<ReadOnlyMemory<byte>>? Whole(long size) =>
        !_refused && _kept.Sum(block => (long)block.Length) == size ? _kept.Select(block => (ReadOnlyMemory<byte>)block.Buffer[..block.Length]) : null;

    /// <summary>
    /// Keeps the first <paramref name="length"/> bytes of <paramref name="buffer"/>, taking it over (true), or refuses
    /// it when the budget is spent or an earlier block was refused (false: the caller keeps the buffer).
    /// </summary>
    public bool TryKeep(Memory<byte> buffer, int length)
    {
        if (_refused || !pool.TryHold())
        {
            _refused = true;
            ReleaseAll();
            return false;
        }

        _kept.Add((buffer, length));
        return true;
    }

    public void Dispose() => ReleaseAll();

    private void ReleaseAll()
    {
        foreach (var (buffer, _) in _kept)
        {
            pool.ReleaseHeld(buffer);
        }

        _kept.Clear();
    }
}
