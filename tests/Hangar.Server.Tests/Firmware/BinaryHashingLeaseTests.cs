using Hangar.Contracts.Firmware;
using Hangar.Core.Firmware;
using Hangar.Data.Tenancy;
using Hangar.Server.Features.Firmware;
using Hangar.Storage;
using Hangar.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Hangar.Server.Tests.Firmware;

/// <summary>Several server nodes on one database: each binary is hashed by exactly one node, and a dead node's work is taken over.</summary>
public abstract class BinaryHashingLeaseTests(DatabaseKind database)
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(120);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoNodes_BinaryBeingHashedByOne_CannotBeClaimedByTheOther_AndTheResultIsSharedByBoth()
    {
        GatedBlobStore? gate = null;
        await using var first = await FirmwareNode.StartAsync(database, services: services =>
        {
            services.RemoveAll<IBlobStore>();
            services.AddSingleton<IBlobStore>(sp => gate = new GatedBlobStore(sp.GetRequiredService<FileSystemBlobStore>()));
        });
        await using var second = await FirmwareNode.StartAsync(database, sharing: first);
        var content = FirmwareBuilder.Bytes(3000);
        var binary = await FirmwareBuilder.DeclareAsync(first.Owner, content);
        await FirmwareBuilder.UploadPartsAsync(first.Owner, binary.Id, content, 1024);
        await first.Owner.Binaries.UpdateAsync(binary.Id.ToString(), new UpdateBinaryRequest(State: "hashable"), Cancel);

        await first.Owner.Binaries.UpdateAsync(binary.Id.ToString(), new UpdateBinaryRequest(State: "hashing"), Cancel);
        await gate!.Entered.WaitAsync(Cancel);

        Assert.Equal(Worker(first).Node, (await first.BinaryAsync(binary.Id)).HashingLeaseOwner);
        Assert.Null(await ClaimAsync(second, Worker(second).Node));
        gate.Open();
        var hashed = await FirmwareBuilder.SettledAsync(second.Owner, binary.Id);
        Assert.Equal("signable", hashed.State);
        Assert.Equal(1, gate.Joins);
        Assert.Null((await second.BinaryAsync(binary.Id)).HashingLeaseOwner);
        using var http = second.Server.CreateHttpClient(second.ApiKey);
        Assert.Equal(content, await http.GetByteArrayAsync(Client.BinariesClient.ContentPath(binary.Id.ToString()), Cancel));
    }

    [Fact]
    public async Task TwoNodes_ClaimingTheSameBinaryAtOnce_ExactlyOneWins()
    {
        await using var first = await FirmwareNode.StartAsync(database);
        await using var second = await FirmwareNode.StartAsync(database, sharing: first);
        var binary = await HashingWithoutSignalAsync(first);

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => ClaimAsync(i % 2 == 0 ? first : second, Guid.CreateVersion7())));

        var winner = Assert.Single(claims, c => c is not null)!;
        Assert.Equal(binary.Id, winner.Id);
        Assert.Equal(winner.HashingLeaseOwner, (await second.BinaryAsync(binary.Id)).HashingLeaseOwner);
    }

    [Fact]
    public async Task BinaryLeftByACrashedNode_IsTakenOverOnlyOnceItsLeaseExpires()
    {
        await using var node = await FirmwareNode.StartAsync(database);
        var binary = await HashingWithoutSignalAsync(node);
        var crashed = Guid.CreateVersion7();
        var expiresAt = node.Time.GetUtcNow().UtcDateTime + Lease;
        await node.WithDatabaseAsync(db => db.Binaries.IgnoreQueryFilters([TenantFilter.Name]).Where(b => b.Id == binary.Id)
            .ExecuteUpdateAsync(b => b.SetProperty(x => x.HashingLeaseOwner, crashed).SetProperty(x => x.HashingLeaseExpiresAt, expiresAt), Cancel));

        node.Time.Advance(Lease - TimeSpan.FromSeconds(1));
        Assert.Null(await ClaimAsync(node, Worker(node).Node));
        Assert.Equal(crashed, (await node.BinaryAsync(binary.Id)).HashingLeaseOwner);

        node.Time.Advance(TimeSpan.FromSeconds(2));
        node.Server.Services.GetRequiredService<BinaryHashingSignal>().Notify();
        var hashed = await FirmwareBuilder.SettledAsync(node.Owner, binary.Id);

        Assert.Equal("signable", hashed.State);
        Assert.Null((await node.BinaryAsync(binary.Id)).HashingLeaseOwner);
    }

    /// <summary>An uploaded binary put straight into hashing, without the signal the API sends, so no worker races the test for it.</summary>
    private static async Task<BinaryResponse> HashingWithoutSignalAsync(FirmwareNode node)
    {
        var content = FirmwareBuilder.Bytes(3000);
        var binary = await FirmwareBuilder.DeclareAsync(node.Owner, content);
        await FirmwareBuilder.UploadPartsAsync(node.Owner, binary.Id, content, 1024);
        await node.Owner.Binaries.UpdateAsync(binary.Id.ToString(), new UpdateBinaryRequest(State: "hashable"), Cancel);
        await node.WithDatabaseAsync(db => db.Binaries.IgnoreQueryFilters([TenantFilter.Name]).Where(b => b.Id == binary.Id)
            .ExecuteUpdateAsync(b => b.SetProperty(x => x.State, BinaryState.Hashing), Cancel));
        return binary;
    }

    private static async Task<Data.Firmware.Binary?> ClaimAsync(FirmwareNode node, Guid owner)
    {
        await using var scope = node.Server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BinaryHashingLeases>().ClaimNextAsync(owner, Cancel);
    }

    private static BinaryHashingWorker Worker(FirmwareNode node) =>
        node.Server.Services.GetServices<IHostedService>().OfType<BinaryHashingWorker>().Single();

    public sealed class OnSqlite() : BinaryHashingLeaseTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : BinaryHashingLeaseTests(DatabaseKind.Postgres);
}
