using Microsoft.Extensions.Options;
using static Hangar.Storage.Tests.FileSystemBlobStoreTests;

namespace Hangar.Storage.Tests;

/// <summary>
/// Staged parts written and read around the page cache (<see cref="BlobStorageOptions.DirectIo"/>), and hashed from the
/// blocks kept in memory (<see cref="BlobStorageOptions.RunningHashMemoryBytes"/>): in every combination, and whether the
/// completion is made by the store that received the parts or by a restarted one (which reads every part from disk).
/// </summary>
public sealed class DirectPartIoTests : IDisposable
{
    private const int Block = DirectIo.Alignment;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private readonly string _root = Directory.CreateTempSubdirectory("hangar-direct-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData(true, 64L * 1024 * 1024, false, false)]
    [InlineData(true, 64L * 1024 * 1024, true, false)]
    [InlineData(true, 0L, false, false)]
    [InlineData(true, 2L * Block, false, false)]
    [InlineData(false, 64L * 1024 * 1024, false, false)]
    [InlineData(false, 0L, true, false)]
    [InlineData(true, 64L * 1024 * 1024, true, true)]
    [InlineData(false, 64L * 1024 * 1024, false, true)]
    public async Task PartsOfWholeBlocksAndATail_AreStoredExactly(bool directIo, long runningHashMemory, bool completedAfterARestart, bool syncParts)
    {
        // Several blocks per part (the buffer is one block), a last part with a tail that is no whole block, and a part
        // smaller than a block.
        var parts = new[] { Bytes(5 * Block, 1), Bytes(3 * Block + 123, 2), Bytes(100, 3) };
        var whole = parts.SelectMany(part => part).ToArray();
        var staged = new List<StagedPart>();
        using (var store = NewStore(directIo, runningHashMemory, syncParts))
        {
            for (var index = 1; index <= parts.Length; index++)
            {
                var part = parts[index - 1];
                Assert.Equal(BlobWriteOutcome.Stored, (await store.PutPartAsync("u", index, new MemoryStream(part), part.Length, Sha(part), Cancel)).Outcome);
                staged.Add(new StagedPart(index, part.Length, Sha(part)));
            }

            if (!completedAfterARestart)
            {
                await CompleteAndCheckAsync(store);
                return;
            }
        }

        using var restarted = NewStore(directIo, runningHashMemory, syncParts);
        await CompleteAndCheckAsync(restarted);

        async Task CompleteAndCheckAsync(FileSystemBlobStore store)
        {
            var result = await store.CompleteUploadAsync("u", staged, whole.Length, Sha(whole), Cancel);
            Assert.Equal(BlobWriteOutcome.Stored, result.Outcome);
            await using var read = (await store.OpenReadAsync(Sha(whole), Cancel))!;
            using var copy = new MemoryStream();
            await read.CopyToAsync(copy, Cancel);
            Assert.Equal(whole, copy.ToArray());
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task DirectIo_StagedPartsDoNotFillThePageCache(bool directIo)
    {
        Assert.SkipUnless(PageCache.CanBypass(_root), "needs Linux and a file system that is not tmpfs");
        var part = Bytes(64 * Block + 10, 4);
        using var store = NewStore(directIo, runningHashMemory: 0);

        Assert.True((await store.PutPartAsync("cache", 1, new MemoryStream(part), part.Length, Sha(part), Cancel)).Succeeded);

        var staged = Directory.EnumerateFiles(Path.Combine(_root, "uploads", "cache")).Single();
        var pages = (part.Length + Environment.SystemPageSize - 1) / Environment.SystemPageSize;
        // Direct: only the tail, which is no whole block, went through the cache. Buffered: every page did.
        Assert.Equal(directIo ? 1 : pages, PageCache.ResidentPages(staged));
        // The running hash reads the part back (nothing was kept in memory here) the same way, by the completion.
        Assert.True((await store.CompleteUploadAsync("cache", [new StagedPart(1, part.Length, Sha(part))], part.Length, Sha(part), Cancel)).Succeeded);
        var stored = Directory.EnumerateFiles(Path.Combine(_root, "objects"), "*.part", SearchOption.AllDirectories).Single();
        Assert.Equal(directIo ? 1 : pages, PageCache.ResidentPages(stored));
        Assert.Equal(part, await File.ReadAllBytesAsync(stored, Cancel));
    }

    [Fact]
    public void DirectIo_IsSwitchedOnAndOffOnAnOpenFile()
    {
        Assert.SkipUnless(PageCache.CanBypass(_root), "needs Linux and a file system that is not tmpfs");
        using var file = File.OpenHandle(Path.Combine(_root, "f"), FileMode.CreateNew, FileAccess.ReadWrite);

        Assert.True(DirectIo.TryEnable(file));
        Assert.True(DirectIo.IsEnabled(file));
        DirectIo.Disable(file);
        Assert.False(DirectIo.IsEnabled(file));
    }

    private FileSystemBlobStore NewStore(bool directIo, long runningHashMemory, bool syncParts = false) =>
        new(Options.Create(new BlobStorageOptions
        {
            Root = _root,
            BufferBytes = Block,
            DirectIo = directIo,
            RunningHashMemoryBytes = runningHashMemory,
            SyncParts = syncParts,
        }));
}
