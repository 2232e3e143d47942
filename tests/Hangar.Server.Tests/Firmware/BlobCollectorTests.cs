using Hangar.Contracts.Firmware;
using Hangar.Core.Firmware;
using Hangar.Data.Tenancy;
using Hangar.Server.Features.Firmware;
using Hangar.Storage;
using Hangar.Testing;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Tests.Firmware;

/// <summary>The blob garbage collector: abandoned uploads, orphaned uploads and objects, each only past its age by the database's clock.</summary>
public abstract class BlobCollectorTests(DatabaseKind database) : IAsyncLifetime
{
    private static readonly TimeSpan Grace = TimeSpan.FromMinutes(60);
    private static readonly TimeSpan Abandoned = TimeSpan.FromDays(7);
    private FirmwareNode? _node;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private FirmwareNode Node => _node!;

    public async ValueTask InitializeAsync() => _node = await FirmwareNode.StartAsync(database);

    public async ValueTask DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    [Theory]
    [InlineData("uploadable")]
    [InlineData("hashable")]
    public async Task Upload_UntouchedForTheAbandonedAge_IsResetWithItsPartsDeleted_AndCanBeUploadedAgain(string state)
    {
        var content = FirmwareBuilder.Bytes(3000);
        var binary = await FirmwareBuilder.DeclareAsync(Node.Owner, content);
        var uploaded = state == "hashable" ? content : content[..2048];
        await FirmwareBuilder.UploadPartsAsync(Node.Owner, binary.Id, uploaded, 1024);
        if (state == "hashable")
        {
            await Node.Owner.Binaries.UpdateAsync(binary.Id.ToString(), new UpdateBinaryRequest(State: "hashable"), Cancel);
        }

        Assert.True(Directory.Exists(Node.BlobsPath("uploads", $"{binary.Id:N}-0")));

        Node.Time.Advance(Abandoned - TimeSpan.FromMinutes(1));
        await Node.Collector.CollectAsync(Cancel);
        Assert.Equal(state, (await Node.Owner.Binaries.GetAsync(binary.Id.ToString(), Cancel)).State);

        Node.Time.Advance(TimeSpan.FromMinutes(2));
        await Node.Collector.CollectAsync(Cancel);

        var reset = await Node.Owner.Binaries.GetAsync(binary.Id.ToString(), Cancel);
        Assert.Equal("uploadable", reset.State);
        Assert.StartsWith("upload_abandoned:", reset.LastError, StringComparison.Ordinal);
        Assert.Empty((await Node.Owner.Binaries.ListPartsAsync(binary.Id.ToString(), Cancel)).Data);
        Assert.False(Directory.Exists(Node.BlobsPath("uploads", $"{binary.Id:N}-0")));

        await FirmwareBuilder.UploadPartsAsync(Node.Owner, binary.Id, content, 1024);
        Assert.Equal("signable", (await FirmwareBuilder.HashAsync(Node.Owner, binary.Id)).State);
    }

    [Fact]
    public async Task Upload_WithAPartWithinTheAbandonedAge_IsKept()
    {
        var content = FirmwareBuilder.Bytes(3000);
        var binary = await FirmwareBuilder.DeclareAsync(Node.Owner, content);
        await FirmwareBuilder.UploadPartsAsync(Node.Owner, binary.Id, content[..1024], 1024);
        Node.Time.Advance(TimeSpan.FromDays(6));
        using (var second = new MemoryStream(content[1024..2048]))
        {
            await Node.Owner.Binaries.UploadPartAsync(binary.Id.ToString(), 2, second, 1024, FirmwareBuilder.Sha(content[1024..2048]), Cancel);
        }

        Node.Time.Advance(TimeSpan.FromDays(2));
        await Node.Collector.CollectAsync(Cancel);

        var kept = await Node.Owner.Binaries.GetAsync(binary.Id.ToString(), Cancel);
        Assert.Equal("uploadable", kept.State);
        Assert.Null(kept.LastError);
        Assert.Equal([1, 2], (await Node.Owner.Binaries.ListPartsAsync(binary.Id.ToString(), Cancel)).Data.Select(p => p.Index));
        Assert.True(Directory.Exists(Node.BlobsPath("uploads", $"{binary.Id:N}-0")));
    }

    [Fact]
    public async Task ObjectNoBinaryHolds_IsDeletedOnlyAfterTheGraceAge_WhileHeldObjectsStay()
    {
        var held = await FirmwareBuilder.SignableAsync(Node.Owner, FirmwareBuilder.Bytes(1000));
        // A crash between storing content and recording it: an object no binary names.
        var orphan = FirmwareBuilder.Bytes(1000);
        var orphanSha = FirmwareBuilder.Sha(orphan);
        Assert.True((await Node.Blobs.PutPartAsync("crashed-upload", 1, new MemoryStream(orphan), orphan.Length, orphanSha, Cancel)).Succeeded);
        Assert.True((await Node.Blobs.CompleteUploadAsync("crashed-upload", [new StagedPart(1, orphan.Length, orphanSha)], orphan.Length, orphanSha, Cancel)).Succeeded);

        await Node.Collector.CollectAsync(Cancel);
        Assert.NotNull(await Node.Blobs.GetSizeAsync(orphanSha, Cancel));

        Node.Time.Advance(Grace + TimeSpan.FromMinutes(1));
        var collected = await Node.Collector.CollectAsync(Cancel);

        Assert.Null(await Node.Blobs.GetSizeAsync(orphanSha, Cancel));
        Assert.Equal(1, collected.OrphanedObjects);
        Assert.Equal(orphan.Length, collected.ObjectBytes);
        Assert.NotNull(await Node.Blobs.GetSizeAsync(held.Sha256, Cancel));
        using var http = Node.Server.CreateHttpClient(Node.ApiKey);
        Assert.Equal(held.Size, (await http.GetByteArrayAsync(Client.BinariesClient.ContentPath(held.Id.ToString()), Cancel)).Length);
    }

    [Fact]
    public async Task ObjectOfADestroyedBinary_LeftByACrashBeforeTheRelease_IsCollected()
    {
        var binary = await FirmwareBuilder.SignedAsync(Node.Owner, FirmwareBuilder.Bytes(1000));
        // The destroy committed; the server died before deleting the bytes.
        await Node.WithDatabaseAsync(db => db.Binaries.IgnoreQueryFilters([TenantFilter.Name]).Where(b => b.Id == binary.Id)
            .ExecuteUpdateAsync(b => b.SetProperty(x => x.State, BinaryState.Destroyed), Cancel));

        Node.Time.Advance(Grace + TimeSpan.FromMinutes(1));
        await Node.Collector.CollectAsync(Cancel);

        Assert.Null(await Node.Blobs.GetSizeAsync(binary.Sha256, Cancel));
    }

    [Fact]
    public async Task StagedUploads_OfMissingBinariesOrOldGenerations_AreRemovedAfterTheGraceAge_CurrentOnesStay()
    {
        var content = FirmwareBuilder.Bytes(2048);
        var live = await FirmwareBuilder.DeclareAsync(Node.Owner, content);
        await FirmwareBuilder.UploadPartsAsync(Node.Owner, live.Id, content[..1024], 1024);
        var part = content[..1024];
        var oldGeneration = BinaryContent.UploadId(live.Id, 7);
        var noBinary = BinaryContent.UploadId(Guid.CreateVersion7(), 0);
        foreach (var upload in new[] { oldGeneration, noBinary })
        {
            Assert.True((await Node.Blobs.PutPartAsync(upload, 1, new MemoryStream(part), part.Length, FirmwareBuilder.Sha(part), Cancel)).Succeeded);
        }

        await Node.Collector.CollectAsync(Cancel);
        Assert.True(Directory.Exists(Node.BlobsPath("uploads", oldGeneration)));
        Assert.True(Directory.Exists(Node.BlobsPath("uploads", noBinary)));

        Node.Time.Advance(Grace + TimeSpan.FromMinutes(1));
        var collected = await Node.Collector.CollectAsync(Cancel);

        Assert.Equal(2, collected.OrphanedUploads);
        Assert.False(Directory.Exists(Node.BlobsPath("uploads", oldGeneration)));
        Assert.False(Directory.Exists(Node.BlobsPath("uploads", noBinary)));
        Assert.True(Directory.Exists(Node.BlobsPath("uploads", BinaryContent.UploadId(live.Id, 0))));
        await FirmwareBuilder.UploadPartsAsync(Node.Owner, live.Id, content, 1024);
        Assert.Equal("signable", (await FirmwareBuilder.HashAsync(Node.Owner, live.Id)).State);
    }

    [Fact]
    public async Task ObjectOfABinaryDestroyedWithinTheGraceAge_IsKeptByTheDatabasesClock_ThenCollected()
    {
        var binary = await FirmwareBuilder.SignedAsync(Node.Owner, FirmwareBuilder.Bytes(1000));
        Node.Time.Advance(Grace + TimeSpan.FromMinutes(1));
        // Destroyed just now (the server died before deleting the bytes); the store's own time says the object is old.
        var now = Node.Time.GetUtcNow().UtcDateTime;
        await Node.WithDatabaseAsync(db => db.Binaries.IgnoreQueryFilters([TenantFilter.Name]).Where(b => b.Id == binary.Id)
            .ExecuteUpdateAsync(b => b.SetProperty(x => x.State, BinaryState.Destroyed).SetProperty(x => x.UpdatedAt, now), Cancel));
        AgeObject(binary.Sha256);

        await Node.Collector.CollectAsync(Cancel);
        Assert.NotNull(await Node.Blobs.GetSizeAsync(binary.Sha256, Cancel));

        Node.Time.Advance(Grace + TimeSpan.FromMinutes(1));
        await Node.Collector.CollectAsync(Cancel);
        Assert.Null(await Node.Blobs.GetSizeAsync(binary.Sha256, Cancel));
    }

    [Fact]
    public async Task ObjectNoBinaryHolds_DeclaredByAnUploadWhosePartArrivedWithinTheGraceAge_IsKept()
    {
        var content = FirmwareBuilder.Bytes(2048);
        var sha = FirmwareBuilder.Sha(content);
        // The same content stored earlier by a binary deleted since; an upload declaring it is on its way.
        Assert.True((await Node.Blobs.PutPartAsync("earlier", 1, new MemoryStream(content), content.Length, sha, Cancel)).Succeeded);
        Assert.True((await Node.Blobs.CompleteUploadAsync("earlier", [new StagedPart(1, content.Length, sha)], content.Length, sha, Cancel)).Succeeded);
        var binary = await FirmwareBuilder.DeclareAsync(Node.Owner, content);
        Node.Time.Advance(Grace + TimeSpan.FromMinutes(1));
        await FirmwareBuilder.UploadPartsAsync(Node.Owner, binary.Id, content[..1024], 1024);
        AgeObject(sha);

        await Node.Collector.CollectAsync(Cancel);
        Assert.NotNull(await Node.Blobs.GetSizeAsync(sha, Cancel));

        Node.Time.Advance(Grace + TimeSpan.FromMinutes(1));
        await Node.Collector.CollectAsync(Cancel);
        Assert.Null(await Node.Blobs.GetSizeAsync(sha, Cancel));
        // The upload itself goes on: completing it stores the content again.
        await FirmwareBuilder.UploadPartsAsync(Node.Owner, binary.Id, content, 1024);
        Assert.Equal("signable", (await FirmwareBuilder.HashAsync(Node.Owner, binary.Id)).State);
        Assert.Equal(content.Length, await Node.Blobs.GetSizeAsync(sha, Cancel));
    }

    /// <summary>Makes the store list the object as written long ago, so only the database's clock can keep it.</summary>
    private void AgeObject(string sha256) =>
        Directory.SetLastWriteTimeUtc(Node.BlobsPath("objects", sha256[..2], sha256), DateTime.UnixEpoch);

    public sealed class OnSqlite() : BlobCollectorTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : BlobCollectorTests(DatabaseKind.Postgres);
}
