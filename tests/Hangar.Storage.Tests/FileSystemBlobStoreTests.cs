using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Hangar.Storage.Tests;

public sealed class FileSystemBlobStoreTests : IDisposable
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private readonly string _root = Directory.CreateTempSubdirectory("hangar-blobs-").FullName;
    private readonly FileSystemBlobStore _store;

    public FileSystemBlobStoreTests() => _store = NewStore();

    public void Dispose()
    {
        _store.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task CompleteUpload_PartsInOrder_StoresOneObjectNamedByItsHash_MadeOfThePartFiles()
    {
        var (first, second) = (Bytes(1000, 1), Bytes(300, 2));
        var parts = new[] { await PutPartAsync("u1", 1, first), await PutPartAsync("u1", 2, second) };

        var whole = first.Concat(second).ToArray();
        var result = await _store.CompleteUploadAsync("u1", parts, whole.Length, Sha(whole), Cancel);

        Assert.Equal(BlobWriteOutcome.Stored, result.Outcome);
        Assert.Equal(Sha(whole), result.Sha256);
        Assert.Equal(whole.Length, await _store.GetSizeAsync(Sha(whole), Cancel));
        Assert.Equal(whole, await ReadAllAsync(Sha(whole)));
        // The parts became the object as they were: no joined copy of the content exists.
        var stored = ObjectPath(Sha(whole));
        Assert.True(Directory.Exists(stored));
        Assert.Equal([first.Length, second.Length], Directory.EnumerateFiles(stored, "*.part").Order().Select(path => (int)new FileInfo(path).Length));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(_root, "uploads")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(_root, "tmp")));
    }

    [Fact]
    public async Task CompleteUpload_PartsArrivingOutOfOrder_HashesTheContentInOrder()
    {
        var data = Bytes(5000, 30);
        var parts = new List<StagedPart>();
        foreach (var index in new[] { 3, 1, 5, 2, 4 })
        {
            parts.Add(await PutPartAsync("ooo", index, data[((index - 1) * 1000)..(index * 1000)]));
        }

        var result = await _store.CompleteUploadAsync("ooo", parts.OrderBy(p => p.Index).ToList(), data.Length, Sha(data), Cancel);

        Assert.Equal(BlobWriteOutcome.Stored, result.Outcome);
        Assert.Equal(data, await ReadAllAsync(Sha(data)));
    }

    [Fact]
    public async Task PutPart_WrongHash_KeepsNothing()
    {
        var data = Bytes(500, 3);
        var result = await _store.PutPartAsync("u2", 1, new MemoryStream(data), data.Length, Sha(Bytes(500, 4)), Cancel);

        Assert.Equal(BlobWriteOutcome.HashMismatch, result.Outcome);
        Assert.Equal(Sha(data), result.Sha256);
        Assert.Empty(Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData(499)]
    [InlineData(501)]
    public async Task PutPart_WrongSize_KeepsNothing(int declared)
    {
        var data = Bytes(500, 5);
        var result = await _store.PutPartAsync("u3", 1, new MemoryStream(data), declared, Sha(data), Cancel);

        Assert.Equal(BlobWriteOutcome.SizeMismatch, result.Outcome);
        Assert.Empty(Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task PutPart_ResentWithOtherContent_TheCompletionUsesTheVersionItNames()
    {
        var (head, tail) = (Bytes(100, 6), Bytes(100, 20));
        var original = await PutPartAsync("u4", 1, head);
        var second = await PutPartAsync("u4", 2, tail);
        // Part 1 has been read into the running hash by now or will be; the new version must replace it there.
        var replacement = Bytes(100, 7);
        var resent = await PutPartAsync("u4", 1, replacement);

        var whole = replacement.Concat(tail).ToArray();
        var result = await _store.CompleteUploadAsync("u4", [resent, second], whole.Length, Sha(whole), Cancel);

        Assert.Equal(BlobWriteOutcome.Stored, result.Outcome);
        Assert.Equal(whole, await ReadAllAsync(Sha(whole)));
        Assert.DoesNotContain(Directory.EnumerateFiles(ObjectPath(Sha(whole))), path => path.Contains(original.Sha256, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CompleteUpload_WholeHashDiffers_LeavesNoObjectAndNoParts()
    {
        var data = Bytes(100, 8);
        var part = await PutPartAsync("u5", 1, data);

        var result = await _store.CompleteUploadAsync("u5", [part], data.Length, Sha(Bytes(100, 9)), Cancel);

        Assert.Equal(BlobWriteOutcome.HashMismatch, result.Outcome);
        Assert.Equal(Sha(data), result.Sha256);
        Assert.Null(await _store.GetSizeAsync(Sha(data), Cancel));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(_root, "objects"), "*", SearchOption.AllDirectories));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(_root, "uploads")));
    }

    [Fact]
    public async Task CompleteUpload_MissingPart_IsReportedAndStoresNothing()
    {
        var data = Bytes(100, 10);
        var part = await PutPartAsync("u6", 1, data);

        var result = await _store.CompleteUploadAsync("u6", [part, new StagedPart(2, 100, Sha(Bytes(100, 11)))], 200, Sha(data), Cancel);

        Assert.Equal(BlobWriteOutcome.MissingPart, result.Outcome);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(_root, "objects"), "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task CompleteUpload_PartFileDamagedBeforeCompletion_IsNotStored()
    {
        var data = Bytes(1000, 31);
        var part = await PutPartAsync("damaged", 1, data);
        // As a power cut could leave an unsynced part: shorter than it was stored.
        using (var file = new FileStream(Directory.EnumerateFiles(Path.Combine(_root, "uploads", "damaged")).Single(), FileMode.Open))
        {
            file.SetLength(10);
        }

        using var restarted = NewStore();
        var result = await restarted.CompleteUploadAsync("damaged", [part], data.Length, Sha(data), Cancel);

        Assert.False(result.Succeeded);
        Assert.Null(await restarted.GetSizeAsync(Sha(data), Cancel));
    }

    [Fact]
    public async Task CompleteUpload_AfterARestart_HashesThePartsFromDisk()
    {
        var data = Bytes(3000, 32);
        var parts = new List<StagedPart>();
        for (var index = 1; index <= 3; index++)
        {
            parts.Add(await PutPartAsync("restart", index, data[((index - 1) * 1000)..(index * 1000)]));
        }

        // A restarted store (or another node) has no running hash: it reads what is on disk, so a changed byte shows.
        var second = Directory.EnumerateFiles(Path.Combine(_root, "uploads", "restart"), $"00002-*.part").Single();
        var original = await File.ReadAllBytesAsync(second, Cancel);
        await File.WriteAllBytesAsync(second, original.Select(b => (byte)~b).ToArray(), Cancel);
        using (var restarted = NewStore())
        {
            var result = await restarted.CompleteUploadAsync("restart", parts, data.Length, Sha(data), Cancel);
            Assert.Equal(BlobWriteOutcome.HashMismatch, result.Outcome);
        }

        for (var index = 1; index <= 3; index++)
        {
            await PutPartAsync("restart", index, data[((index - 1) * 1000)..(index * 1000)]);
        }

        using (var restarted = NewStore())
        {
            Assert.Equal(BlobWriteOutcome.Stored, (await restarted.CompleteUploadAsync("restart", parts, data.Length, Sha(data), Cancel)).Outcome);
            Assert.Equal(data, await ReadAllAsync(Sha(data)));
        }
    }

    [Fact]
    public async Task CompleteUpload_PartStagedUnderTheFormerName_IsUsed()
    {
        var data = Bytes(700, 34);
        var upload = Directory.CreateDirectory(Path.Combine(_root, "uploads", "former")).FullName;
        await File.WriteAllBytesAsync(Path.Combine(upload, "00001.part"), data, Cancel);

        var result = await _store.CompleteUploadAsync("former", [new StagedPart(1, data.Length, Sha(data))], data.Length, Sha(data), Cancel);

        Assert.Equal(BlobWriteOutcome.Stored, result.Outcome);
        Assert.Equal(data, await ReadAllAsync(Sha(data)));
    }

    [Fact]
    public async Task CompleteUpload_IdenticalContentTwice_IsStoredOnce()
    {
        var data = Bytes(256, 11);
        foreach (var upload in new[] { "a", "b" })
        {
            var part = await PutPartAsync(upload, 1, data);
            Assert.True((await _store.CompleteUploadAsync(upload, [part], data.Length, Sha(data), Cancel)).Succeeded);
        }

        Assert.Single(Directory.EnumerateFiles(Path.Combine(_root, "objects"), "*.part", SearchOption.AllDirectories));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(_root, "uploads")));
    }

    [Fact]
    public async Task Delete_RemovesTheObject()
    {
        var data = Bytes(10, 13);
        await StoreAsync("d", data);

        await _store.DeleteAsync(Sha(data), Cancel);

        Assert.Null(await _store.GetSizeAsync(Sha(data), Cancel));
        Assert.Null(await _store.OpenReadAsync(Sha(data), Cancel));
        Assert.False(Directory.Exists(ObjectPath(Sha(data))));
    }

    [Fact]
    public async Task CompleteUpload_Cancelled_KeepsThePartsForAnotherTry()
    {
        var data = Bytes(100_000, 14);
        var part = await PutPartAsync("c", 1, data);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _store.CompleteUploadAsync("c", [part], data.Length, Sha(data), cancelled.Token));

        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_root, "tmp")));
        Assert.True((await _store.CompleteUploadAsync("c", [part], data.Length, Sha(data), Cancel)).Succeeded);
    }

    [Fact]
    public async Task ListObjectsAndUploads_NameSizeAndLastWrite()
    {
        var data = Bytes(300, 15);
        await PutPartAsync("listed", 1, data);
        await PutPartAsync("listed", 2, data);
        await StoreAsync("joined", data);

        var objects = await _store.ListObjectsAsync(Cancel).ToListAsync(Cancel);
        var uploads = await _store.ListUploadsAsync(Cancel).ToListAsync(Cancel);

        var stored = Assert.Single(objects);
        Assert.Equal(Sha(data), stored.Name);
        Assert.InRange(stored.Size, 300, 600);
        Assert.Equal(Directory.GetLastWriteTimeUtc(ObjectPath(Sha(data))), stored.LastModified.UtcDateTime);
        var staged = Assert.Single(uploads);
        Assert.Equal(("listed", 600L), (staged.Name, staged.Size));
    }

    [Fact]
    public async Task Delete_RemovesTheObjectAtOnce_LeavesNothingInTmp_AndAMissingObjectIsNoError()
    {
        var data = Bytes(10, 16);
        await StoreAsync("deleted", data);

        await _store.DeleteAsync(Sha(data), Cancel);
        await _store.DeleteAsync(Sha(data), Cancel);

        Assert.Null(await _store.GetSizeAsync(Sha(data), Cancel));
        Assert.False(Directory.Exists(ObjectPath(Sha(data))));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(_root, "tmp")));
    }

    [Fact]
    public async Task CompleteUpload_OfContentStoredLongAgo_MarksItFresh_SoCollectionKeepsIt()
    {
        var data = Bytes(10, 18);
        await StoreAsync("first", data);
        var cutoff = TimeProvider.System.GetUtcNow().AddMinutes(-5);
        Directory.SetLastWriteTimeUtc(ObjectPath(Sha(data)), cutoff.UtcDateTime.AddMinutes(-1));

        await StoreAsync("again", data);

        var listed = Assert.Single(await _store.ListObjectsAsync(Cancel).ToListAsync(Cancel));
        Assert.True(listed.LastModified >= cutoff);
        Assert.Equal(data, await ReadAllAsync(Sha(data)));
    }

    [Fact]
    public async Task RemoveStaleTemporaryFiles_KeepsHeldWrites_AndRemovesUnheldOnes_AndInterruptedObjectDeletionsByAge()
    {
        var leftover = Path.Combine(_root, "tmp", "host.1.leftover.tmp");
        var active = Path.Combine(_root, "tmp", "host.2.active.tmp");
        var moved = Directory.CreateDirectory(Path.Combine(_root, "tmp", "host.3.moved.deleting")).FullName;
        var fresh = Directory.CreateDirectory(Path.Combine(_root, "tmp", "host.3.fresh.deleting")).FullName;
        await File.WriteAllBytesAsync(Path.Combine(moved, "00001-x.part"), [3], Cancel);
        await File.WriteAllBytesAsync(leftover, [1], Cancel);
        await using var writing = new FileStream(active, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        var cutoff = Directory.GetLastWriteTimeUtc(fresh).AddSeconds(-1);
        Directory.SetLastWriteTimeUtc(moved, cutoff.AddMinutes(-1));

        Assert.Equal(2, _store.RemoveStaleTemporaryFiles(new DateTimeOffset(cutoff, TimeSpan.Zero)));

        Assert.Equal([active, fresh], Directory.EnumerateFileSystemEntries(Path.Combine(_root, "tmp")).Order());
    }

    [Fact]
    public void FileSync_FlushDirectory_SyncsARealDirectory_AndReportsAMissingOne()
    {
        FileSync.FlushDirectory(_root);

        Assert.Throws<IOException>(() => FileSync.FlushDirectory(Path.Combine(_root, "missing")));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("UPPER")]
    [InlineData("a/b")]
    [InlineData("")]
    public async Task PutPart_UploadIdOutsideTheAlphabet_IsRefused(string uploadId)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _store.PutPartAsync(uploadId, 1, new MemoryStream([1]), 1, Sha([1]), Cancel));
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("ABCDEF0000000000000000000000000000000000000000000000000000000000")]
    public async Task OpenRead_NameThatIsNotALowercaseSha256_IsRefused(string name)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _store.OpenReadAsync(name, Cancel));
    }

    private FileSystemBlobStore NewStore() =>
        new(Options.Create(new BlobStorageOptions { Root = _root, BufferBytes = 4096 }));

    private string ObjectPath(string sha256) => Path.Combine(_root, "objects", sha256[..2], sha256);

    private async Task<StagedPart> PutPartAsync(string upload, int index, byte[] data)
    {
        Assert.True((await _store.PutPartAsync(upload, index, new MemoryStream(data), data.Length, Sha(data), Cancel)).Succeeded);
        return new StagedPart(index, data.Length, Sha(data));
    }

    private async Task StoreAsync(string upload, byte[] data)
    {
        var part = await PutPartAsync(upload, 1, data);
        Assert.True((await _store.CompleteUploadAsync(upload, [part], data.Length, Sha(data), Cancel)).Succeeded);
    }

    private async Task<byte[]> ReadAllAsync(string sha256)
    {
        await using var read = (await _store.OpenReadAsync(sha256, Cancel))!;
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy, Cancel);
        return copy.ToArray();
    }

    internal static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    internal static string Sha(byte[] data) => Convert.ToHexStringLower(SHA256.HashData(data));
}
