using Microsoft.Extensions.Time.Testing;
using static Hangar.Storage.Tests.FileSystemBlobStoreTests;

namespace Hangar.Storage.Tests;

/// <summary>The running hash taking parts from the blocks kept as they were received, within the pool's budget.</summary>
public sealed class RunningHashMemoryTests : IDisposable
{
    private const int Block = DirectIo.Alignment;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private readonly string _root = Directory.CreateTempSubdirectory("hangar-digest-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task PartKeptWhole_IsHashedFromMemory_WithoutItsFile_AndItsBlocksGoBack()
    {
        var pool = new AlignedBufferPool(Block, heldBytes: 8 * Block);
        var content = Bytes(2 * Block + 7, 1);
        // No file at this path: the digest cannot have read one.
        var part = new UploadDigest.PartFile(1, content.Length, Sha(content), Path.Combine(_root, "absent.part"));
        using (var digest = new UploadDigest(pool, direct: true, TimeProvider.System))
        {
            digest.Arrived(part, Kept(pool, content));

            Assert.Equal(Sha(content), await digest.FinishAsync([part], Cancel));
        }

        Assert.Equal(0, pool.Held);
    }

    [Fact]
    public async Task BudgetSpent_TheBlocksGoBackAtOnce_AndThePartIsReadFromItsFile()
    {
        var pool = new AlignedBufferPool(Block, heldBytes: 2 * Block);
        var content = Bytes(3 * Block, 2);
        var received = new ReceivedBlocks(pool);
        Assert.True(received.TryKeep(Copy(pool, content, 0), Block));
        Assert.True(received.TryKeep(Copy(pool, content, 1), Block));
        Assert.Equal(2, pool.Held);

        Assert.False(received.TryKeep(Copy(pool, content, 2), Block));
        Assert.Equal(0, pool.Held);
        Assert.Null(received.Whole(content.Length));

        var path = Path.Combine(_root, "1.part");
        await File.WriteAllBytesAsync(path, content, Cancel);
        var part = new UploadDigest.PartFile(1, content.Length, Sha(content), path);
        using var digest = new UploadDigest(pool, direct: true, TimeProvider.System);
        digest.Arrived(part, received);
        Assert.Equal(Sha(content), await digest.FinishAsync([part], Cancel));
    }

    [Fact]
    public async Task PartReSentWithOtherContent_TheEarlierBlocksGoBack_AndTheHashIsOfTheLaterOne()
    {
        var pool = new AlignedBufferPool(Block, heldBytes: 16 * Block);
        var first = Bytes(Block + 1, 3);
        var (head, tail) = (Bytes(2 * Block, 5), Bytes(Block, 6));
        var earlier = new UploadDigest.PartFile(2, tail.Length, Sha(tail), Path.Combine(_root, "absent-a.part"));
        using (var digest = new UploadDigest(pool, direct: false, TimeProvider.System))
        {
            // Part 2 waits for part 1, so its blocks are still kept when it is sent again.
            digest.Arrived(earlier, Kept(pool, tail));
            var later = new UploadDigest.PartFile(2, first.Length, Sha(first), Path.Combine(_root, "absent-b.part"));
            digest.Arrived(later, Kept(pool, first));
            Assert.Equal(2, pool.Held);
            var one = new UploadDigest.PartFile(1, head.Length, Sha(head), Path.Combine(_root, "absent-c.part"));
            digest.Arrived(one, Kept(pool, head));

            Assert.Equal(Sha([.. head, .. first]), await digest.FinishAsync([one, later], Cancel));
            Assert.Equal(0, pool.Held);
        }

        Assert.Equal(0, pool.Held);
    }

    [Fact]
    public void DisposedWithPartsKept_ReturnsTheirBlocks()
    {
        var pool = new AlignedBufferPool(Block, heldBytes: 8 * Block);
        using (var digest = new UploadDigest(pool, direct: false, TimeProvider.System))
        {
            var content = Bytes(3 * Block, 7);
            digest.Arrived(new UploadDigest.PartFile(5, content.Length, Sha(content), Path.Combine(_root, "absent.part")), Kept(pool, content));
            Assert.Equal(3, pool.Held);
        }

        Assert.Equal(0, pool.Held);
    }

    [Fact]
    public async Task KeptBlocksOfAPartThatWaits_GoBackAfterTheirLifetime_AndThePartIsThenReadFromItsFile()
    {
        var time = new FakeTimeProvider();
        var pool = new AlignedBufferPool(Block, heldBytes: 8 * Block);
        var (head, tail) = (Bytes(Block, 8), Bytes(2 * Block, 9));
        var path = Path.Combine(_root, "2.part");
        await File.WriteAllBytesAsync(path, tail, Cancel);
        var second = new UploadDigest.PartFile(2, tail.Length, Sha(tail), path);
        using var digest = new UploadDigest(pool, direct: true, time);

        // Part 1 is missing (its sender gave up, say): part 2 cannot be hashed yet and would hold the budget.
        digest.Arrived(second, Kept(pool, tail));
        time.Advance(UploadDigest.KeptBlocksLifetime - TimeSpan.FromSeconds(1));
        Assert.Equal(2, pool.Held);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0, pool.Held);

        var first = new UploadDigest.PartFile(1, head.Length, Sha(head), Path.Combine(_root, "absent.part"));
        digest.Arrived(first, Kept(pool, head));
        Assert.Equal(Sha([.. head, .. tail]), await digest.FinishAsync([first, second], Cancel));
        Assert.Equal(0, pool.Held);
    }

    /// <summary>The content as the part copy would keep it: in pool buffers, one block each.</summary>
    private static ReceivedBlocks Kept(AlignedBufferPool pool, byte[] content)
    {
        var received = new ReceivedBlocks(pool);
        for (var i = 0; i * Block < content.Length; i++)
        {
            var length = Math.Min(Block, content.Length - i * Block);
            Assert.True(received.TryKeep(Copy(pool, content, i), length));
        }

        return received;
    }

    private static Memory<byte> Copy(AlignedBufferPool pool, byte[] content, int block)
    {
        var buffer = pool.Rent();
        var length = Math.Min(Block, content.Length - block * Block);
        content.AsSpan(block * Block, length).CopyTo(buffer.Span);
        return buffer;
    }
}
