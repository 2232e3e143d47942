using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Hangar.Storage.Tests;

public sealed class FileSystemBlobStoreTests : IDisposable
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private readonly string _root = Directory.CreateTempSubdirectory("hangar-blobs-").FullName;
    private readonly FileSystemBlobStore _store;

    public FileSystemBlobStoreTests() => _store = NewStore();

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task CompleteUpload_PartsInOrder_StoresOneObjectNamedByItsHash()
    {
        var (first, second) = (Bytes(1000, 1), Bytes(300, 2));
        await PutPartAsync("u1", 1, first);
        await PutPartAsync("u1", 2, second);

        var whole = first.Concat(second).ToArray();
        var result = await _store.CompleteUploadAsync("u1", [1, 2], whole.Length, Sha(whole), Cancel);

        Assert.Equal(BlobWriteOutcome.Stored, result.Outcome);
        Assert.Equal(Sha(whole), result.Sha256);
        Assert.Equal(whole.Length, await _store.GetSizeAsync(Sha(whole), Cancel));
        await using var read = (await _store.OpenReadAsync(Sha(whole), Cancel))!;
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy, Cancel);
        Assert.Equal(whole, copy.ToArray());
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_root, "uploads"), "*", SearchOption.AllDirectories));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_root, "tmp")));
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
    public async Task PutPart_Resent_ReplacesThePreviousPart()
    {
        await PutPartAsync("u4", 1, Bytes(100, 6));
        var replacement = Bytes(100, 7);
        await PutPartAsync("u4", 1, replacement);

        var result = await _store.CompleteUploadAsync("u4", [1], replacement.Length, Sha(replacement), Cancel);

        Assert.Equal(BlobWriteOutcome.Stored, result.Outcome);
    }

    [Fact]
    public async Task CompleteUpload_WholeHashDiffers_LeavesNoObjectAndNoParts()
    {
        var data = Bytes(100, 8);
        await PutPartAsync("u5", 1, data);

        var result = await _store.CompleteUploadAsync("u5", [1], data.Length, Sha(Bytes(100, 9)), Cancel);

        Assert.Equal(BlobWriteOutcome.HashMismatch, result.Outcome);
        Assert.Null(await _store.GetSizeAsync(Sha(data), Cancel));
        Assert.Empty(Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task CompleteUpload_MissingPart_IsReportedAndStoresNothing()
    {
        var data = Bytes(100, 10);
        await PutPartAsync("u6", 1, data);

        var result = await _store.CompleteUploadAsync("u6", [1, 2], 200, Sha(data), Cancel);

        Assert.Equal(BlobWriteOutcome.MissingPart, result.Outcome);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_root, "objects"), "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task CompleteUpload_IdenticalContentTwice_IsStoredOnce()
    {
        var data = Bytes(256, 11);
        foreach (var upload in new[] { "a", "b" })
        {
            await PutPartAsync(upload, 1, data);
            Assert.True((await _store.CompleteUploadAsync(upload, [1], data.Length, Sha(data), Cancel)).Succeeded);
        }

        Assert.Single(Directory.EnumerateFiles(Path.Combine(_root, "objects"), "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Delete_RemovesTheObject()
    {
        var data = Bytes(10, 13);
        await PutPartAsync("d", 1, data);
        await _store.CompleteUploadAsync("d", [1], data.Length, Sha(data), Cancel);

        await _store.DeleteAsync(Sha(data), Cancel);

        Assert.Null(_store.LocalPath(Sha(data)));
        Assert.Null(await _store.OpenReadAsync(Sha(data), Cancel));
    }

    [Fact]
    public async Task CompleteUpload_Cancelled_KeepsThePartsForAnotherTry()
    {
        var data = Bytes(100_000, 14);
        await PutPartAsync("c", 1, data);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _store.CompleteUploadAsync("c", [1], data.Length, Sha(data), cancelled.Token));

        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_root, "tmp")));
        Assert.True((await _store.CompleteUploadAsync("c", [1], data.Length, Sha(data), Cancel)).Succeeded);
    }

    [Fact]
    public async Task ListObjectsAndUploads_NameSizeAndLastWrite()
    {
        var data = Bytes(300, 15);
        await PutPartAsync("listed", 1, data);
        await PutPartAsync("listed", 2, data);
        await PutPartAsync("joined", 1, data);
        await _store.CompleteUploadAsync("joined", [1], data.Length, Sha(data), Cancel);

        var objects = await _store.ListObjectsAsync(Cancel).ToListAsync(Cancel);
        var uploads = await _store.ListUploadsAsync(Cancel).ToListAsync(Cancel);

        var stored = Assert.Single(objects);
        Assert.Equal((Sha(data), 300L), (stored.Name, stored.Size));
        Assert.Equal(File.GetLastWriteTimeUtc(_store.LocalPath(Sha(data))!), stored.LastModified.UtcDateTime);
        var staged = Assert.Single(uploads);
        Assert.Equal(("listed", 600L), (staged.Name, staged.Size));
    }

    [Fact]
    public async Task DeleteIfUnchangedSince_DeletesOnlyAnObjectWrittenBefore()
    {
        var (old, fresh) = (Bytes(10, 16), Bytes(10, 17));
        foreach (var (name, data) in new[] { ("old", old), ("fresh", fresh) })
        {
            await PutPartAsync(name, 1, data);
            await _store.CompleteUploadAsync(name, [1], data.Length, Sha(data), Cancel);
        }

        var cutoff = TimeProvider.System.GetUtcNow().AddMinutes(-5);
        File.SetLastWriteTimeUtc(_store.LocalPath(Sha(old))!, cutoff.UtcDateTime.AddMinutes(-1));

        Assert.True(await _store.DeleteIfUnchangedSinceAsync(Sha(old), cutoff, Cancel));
        Assert.False(await _store.DeleteIfUnchangedSinceAsync(Sha(fresh), cutoff, Cancel));
        Assert.False(await _store.DeleteIfUnchangedSinceAsync(Sha(old), cutoff, Cancel));

        Assert.Null(_store.LocalPath(Sha(old)));
        Assert.NotNull(_store.LocalPath(Sha(fresh)));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_root, "tmp")));
    }

    [Fact]
    public async Task RemoveStaleTemporaryFiles_KeepsFilesWrittenSince()
    {
        var stale = Path.Combine(_root, "tmp", "stale.tmp");
        var active = Path.Combine(_root, "tmp", "active.tmp");
        await File.WriteAllBytesAsync(stale, [1], Cancel);
        await File.WriteAllBytesAsync(active, [2], Cancel);
        var cutoff = File.GetLastWriteTimeUtc(active).AddSeconds(-1);
        File.SetLastWriteTimeUtc(stale, cutoff.AddMinutes(-1));

        Assert.Equal(1, await _store.RemoveStaleTemporaryFilesAsync(new DateTimeOffset(cutoff, TimeSpan.Zero), Cancel));

        Assert.Equal([active], Directory.EnumerateFiles(Path.Combine(_root, "tmp")));
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
    public void LocalPath_NameThatIsNotALowercaseSha256_IsRefused(string name)
    {
        Assert.Throws<ArgumentException>(() => _store.LocalPath(name));
    }

    private FileSystemBlobStore NewStore() =>
        new(Options.Create(new BlobStorageOptions { Root = _root, BufferBytes = 4096 }));

    private async Task PutPartAsync(string upload, int index, byte[] data) =>
        Assert.True((await _store.PutPartAsync(upload, index, new MemoryStream(data), data.Length, Sha(data), Cancel)).Succeeded);

    private static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static string Sha(byte[] data) => Convert.ToHexStringLower(SHA256.HashData(data));
}
