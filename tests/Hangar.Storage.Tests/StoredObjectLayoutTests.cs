using Microsoft.Extensions.Options;
using static Hangar.Storage.Tests.FileSystemBlobStoreTests;

namespace Hangar.Storage.Tests;

/// <summary>How objects sit on disk: as the directory of their parts, or as the single file stored before that.</summary>
public sealed class StoredObjectLayoutTests : IDisposable
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private readonly string _root = Directory.CreateTempSubdirectory("hangar-layout-").FullName;
    private readonly FileSystemBlobStore _store;

    public StoredObjectLayoutTests() => _store = new FileSystemBlobStore(Options.Create(new BlobStorageOptions { Root = _root, BufferBytes = 4096 }));

    public void Dispose()
    {
        _store.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task SingleFileObject_StoredBeforeParts_IsReadListedAndDeletedLikeAnyObject()
    {
        var data = Bytes(2000, 40);
        var path = await WriteSingleFileObjectAsync(data);

        Assert.Equal(data.Length, await _store.GetSizeAsync(Sha(data), Cancel));
        await using (var read = (await _store.OpenReadAsync(Sha(data), Cancel))!)
        {
            read.Seek(1500, SeekOrigin.Begin);
            var tail = new byte[500];
            await read.ReadExactlyAsync(tail, Cancel);
            Assert.Equal(data[1500..], tail);
        }

        var listed = Assert.Single(await _store.ListObjectsAsync(Cancel).ToListAsync(Cancel));
        Assert.Equal((Sha(data), (long)data.Length), (listed.Name, listed.Size));
        await _store.DeleteAsync(Sha(data), Cancel);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task CompleteUpload_OfContentStoredAsASingleFile_KeepsThatFile()
    {
        var data = Bytes(1000, 41);
        var path = await WriteSingleFileObjectAsync(data);
        Assert.True((await _store.PutPartAsync("again", 1, new MemoryStream(data), data.Length, Sha(data), Cancel)).Succeeded);

        var result = await _store.CompleteUploadAsync("again", [new StagedPart(1, data.Length, Sha(data))], data.Length, Sha(data), Cancel);

        Assert.Equal(BlobWriteOutcome.Stored, result.Outcome);
        Assert.True(File.Exists(path));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(_root, "uploads")));
    }

    [Theory]
    [InlineData(0, 3000)]
    [InlineData(999, 2)]
    [InlineData(1000, 1000)]
    [InlineData(1500, 1500)]
    [InlineData(2999, 1)]
    public async Task ObjectStoredAsParts_ReadsAnyRangeAcrossPartBoundaries(int offset, int length)
    {
        var data = Bytes(3000, 42);
        var parts = new List<StagedPart>();
        for (var index = 1; index <= 3; index++)
        {
            var part = data[((index - 1) * 1000)..(index * 1000)];
            Assert.True((await _store.PutPartAsync("ranges", index, new MemoryStream(part), part.Length, Sha(part), Cancel)).Succeeded);
            parts.Add(new StagedPart(index, part.Length, Sha(part)));
        }

        Assert.True((await _store.CompleteUploadAsync("ranges", parts, data.Length, Sha(data), Cancel)).Succeeded);

        await using var read = (await _store.OpenReadAsync(Sha(data), Cancel))!;
        Assert.True(read.CanSeek);
        Assert.Equal(data.Length, read.Length);
        read.Seek(offset, SeekOrigin.Begin);
        var range = new byte[length];
        await read.ReadExactlyAsync(range, Cancel);
        Assert.Equal(data[offset..(offset + length)], range);
        Assert.Equal(Math.Min(1, data.Length - offset - length), await read.ReadAsync(new byte[1], Cancel));
    }

    [Fact]
    public async Task ObjectStoredAsParts_WithAMissingPartFile_FailsToReadRatherThanServingOtherBytes()
    {
        var data = Bytes(100, 43);
        Assert.True((await _store.PutPartAsync("gone", 1, new MemoryStream(data), data.Length, Sha(data), Cancel)).Succeeded);
        Assert.True((await _store.CompleteUploadAsync("gone", [new StagedPart(1, data.Length, Sha(data))], data.Length, Sha(data), Cancel)).Succeeded);
        var directory = Path.Combine(_root, "objects", Sha(data)[..2], Sha(data));
        File.Delete(Directory.EnumerateFiles(directory, "*.part").Single());

        await using var read = (await _store.OpenReadAsync(Sha(data), Cancel))!;
        await Assert.ThrowsAnyAsync<IOException>(async () => await read.ReadExactlyAsync(new byte[10], Cancel));
    }

    [Theory]
    [InlineData("hangar-object-parts/1 10 x\n10 00001.part\n")]
    [InlineData("hangar-object-parts/1 10 0000000000000000000000000000000000000000000000000000000000000000\n10 ../00001.part\n")]
    [InlineData("hangar-object-parts/1 10 0000000000000000000000000000000000000000000000000000000000000000\n9 00001.part\n")]
    [InlineData("hangar-object-parts/2 10 0000000000000000000000000000000000000000000000000000000000000000\n10 00001.part\n")]
    public void PartManifest_Malformed_IsRefused(string text)
    {
        Assert.Throws<InvalidDataException>(() => PartManifest.Parse(text));
    }

    [Fact]
    public void PartManifest_RoundTrips()
    {
        var manifest = new PartManifest(15, new string('a', 64), [new PartManifest.Entry($"00001-{new string('b', 64)}.part", 10), new PartManifest.Entry("00002.part", 5)]);

        var parsed = PartManifest.Parse(manifest.Serialize());

        Assert.Equal((manifest.Size, manifest.Sha256), (parsed.Size, parsed.Sha256));
        Assert.Equal(manifest.Parts, parsed.Parts);
    }

    private async Task<string> WriteSingleFileObjectAsync(byte[] data)
    {
        var sha = Sha(data);
        var path = Path.Combine(Directory.CreateDirectory(Path.Combine(_root, "objects", sha[..2])).FullName, sha);
        await File.WriteAllBytesAsync(path, data, Cancel);
        return path;
    }
}
