using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Hangar.Storage;

/// <summary>
/// Copy buffers that direct I/O can use (<see cref="DirectIo"/>): pinned, starting at a multiple of
/// <see cref="DirectIo.Alignment"/> in memory and a whole number of such blocks long. Every part upload and every
/// running-hash pass takes two; received blocks waiting for the running hash (<see cref="ReceivedBlocks"/>) are held
/// within a budget of <c>heldBytes</c>. As many free buffers as may be held, and a few more, are kept for reuse.
/// </summary>
internal sealed class AlignedBufferPool
{
    private const int SpareBuffers = 8;

    private readonly ConcurrentQueue<Memory<byte>> _free = new();
    private readonly int _maxHeld;
    private readonly int _kept;
    private int _held;

    public AlignedBufferPool(int bufferBytes, long heldBytes)
    {
        BufferBytes = DirectIo.RoundUp(bufferBytes);
        _maxHeld = (int)Math.Min(heldBytes / BufferBytes, int.MaxValue - SpareBuffers);
        _kept = _maxHeld + SpareBuffers;
    }

    /// <summary>The length of every buffer: the configured size rounded up to whole blocks.</summary>
    public int BufferBytes { get; }

    /// <summary>How many buffers are held for the running hash now.</summary>
    public int Held => Volatile.Read(ref _held);

    public Memory<byte> Rent()
    {
        if (_free.TryDequeue(out var buffer))
        {
            return buffer;
        }

        // Allocated once, pinned for its life (the pinned object heap), so the aligned start never moves.
        var array = GC.AllocateUninitializedArray<byte>(BufferBytes + DirectIo.Alignment - 1, pinned: true);
        var address = Marshal.UnsafeAddrOfPinnedArrayElement(array, 0);
        var start = (int)((DirectIo.Alignment - (address % DirectIo.Alignment)) % DirectIo.Alignment);
        return array.AsMemory(start, BufferBytes);
    }

    public void Return(Memory<byte> buffer)
    {
        if (_free.Count < _kept)
        {
            _free.Enqueue(buffer);
        }
    }

    /// <summary>Counts one more buffer as held, if the budget allows it.</summary>
    public bool TryHold()
    {
        var held = Volatile.Read(ref _held);
        while (held < _maxHeld)
        {
            var seen = Interlocked.CompareExchange(ref _held, held + 1, held);
            if (seen == held)
            {
                return true;
            }

            held = seen;
        }

        return false;
    }

    /// <summary>Gives back a held buffer: it no longer counts against the budget and can be rented again.</summary>
    public void ReleaseHeld(Memory<byte> buffer)
    {
        Interlocked.Decrement(ref _held);
        Return(buffer);
    }
}
