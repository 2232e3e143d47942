using System.Buffers;
using System.Collections.Concurrent;

namespace Hangar.Server.Hosting.Listeners;

/// <summary>
/// Kestrel's connection buffers in <see cref="BlockBytes"/> blocks instead of its own pool's 4 KiB. The socket transport
/// receives into one pipe segment at a time, so the block size caps every <c>recv</c>: with 4 KiB blocks an upload of
/// 1 GiB took about 260,000 system calls and as many thread-pool dispatches (docs/performance.md). An idle connection
/// holds no block (the transport waits for data before it takes one), so the larger blocks cost memory only for bytes
/// actually in flight; at most <see cref="RetainedBlocks"/> are kept for reuse, the rest are left to the GC.
/// </summary>
internal sealed class LargeBlockMemoryPool : MemoryPool<byte>
{
    public const int BlockBytes = 64 * 1024;

    private const int RetainedBlocks = 512;

    private readonly ConcurrentBag<byte[]> _free = [];

    public override int MaxBufferSize => BlockBytes;

    public override IMemoryOwner<byte> Rent(int minBufferSize = -1)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minBufferSize, BlockBytes);
        // Pinned once, on the pinned object heap: every receive and send would otherwise pin the block again.
        return new Block(this, _free.TryTake(out var block) ? block : GC.AllocateUninitializedArray<byte>(BlockBytes, pinned: true));
    }

    protected override void Dispose(bool disposing) => _free.Clear();

    private void Return(byte[] block)
    {
        if (_free.Count < RetainedBlocks)
        {
            _free.Add(block);
        }
    }

    private sealed class Block(LargeBlockMemoryPool pool, byte[] array) : IMemoryOwner<byte>
    {
        private byte[]? _array = array;

        public Memory<byte> Memory => _array ?? throw new ObjectDisposedException(nameof(Block));

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _array, null) is { } returned)
            {
                pool.Return(returned);
            }
        }
    }
}
