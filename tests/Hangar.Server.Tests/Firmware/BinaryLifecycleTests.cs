using Hangar.Client;
using Hangar.Contracts.Common;
using Hangar.Contracts.Firmware;
using Hangar.Core.Firmware;
using Hangar.Server.Tests.Fixtures;

namespace Hangar.Server.Tests.Firmware;

public abstract class BinaryLifecycleTests(ServerFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Every state a client can hold a binary in (hashing is transient: the worker leaves it at once).</summary>
    public static TheoryData<string> HeldStates => new() { "uploadable", "hashable", "signable", "signed", "destroyed" };

    [Theory]
    [MemberData(nameof(HeldStates))]
    public async Task StateChange_FromEachState_IsAllowedExactlyAsTheStateMachineSays(string from)
    {
        var client = (await fixture.NewTenantAsync()).Owner;
        foreach (var to in BinaryStates.All)
        {
            var binary = await InStateAsync(client, from);
            var legal = from == to || BinaryStates.ClientMay(BinaryStates.Parse(from), BinaryStates.Parse(to));
            if (legal)
            {
                var moved = await client.Binaries.UpdateAsync(binary.Id.ToString(), new UpdateBinaryRequest(State: to), Cancel);
                Assert.Equal(to, moved.State);
            }
            else
            {
                var error = await Api.ThrowsApiAsync(() => client.Binaries.UpdateAsync(binary.Id.ToString(), new UpdateBinaryRequest(State: to), Cancel));
                Assert.Equal(ErrorCodes.InvalidStateTransition, error.Code);
                Assert.Equal(from, (await client.Binaries.GetAsync(binary.Id.ToString(), Cancel)).State);
            }
        }
    }

    [Fact]
    public async Task Reset_FromHashable_DeletesThePartsAndAcceptsANewUpload()
    {
        var client = (await fixture.NewTenantAsync()).Owner;
        var content = FirmwareBuilder.Bytes(3000);
        var binary = await FirmwareBuilder.DeclareAsync(client, content);
        await FirmwareBuilder.UploadPartsAsync(client, binary.Id, content, 1024);
        await client.Binaries.UpdateAsync(binary.Id.ToString(), new UpdateBinaryRequest(State: "hashable"), Cancel);

        var reset = await client.Binaries.UpdateAsync(binary.Id.ToString(), new UpdateBinaryRequest(State: "uploadable"), Cancel);

        Assert.Equal("uploadable", reset.State);
        Assert.Empty((await client.Binaries.ListPartsAsync(binary.Id.ToString(), Cancel)).Data);
        await FirmwareBuilder.UploadPartsAsync(client, binary.Id, content, 1500);
        Assert.Equal("signable", (await FirmwareBuilder.HashAsync(client, binary.Id)).State);
    }

    [Fact]
    public async Task Hashing_DeclaredHashDiffersFromContent_ReturnsToUploadableWithTheReasonAndNoParts()
    {
        var client = (await fixture.NewTenantAsync()).Owner;
        var content = FirmwareBuilder.Bytes(2500);
        var binary = await FirmwareBuilder.DeclareAsync(client, content, sha256: FirmwareBuilder.Sha(FirmwareBuilder.Bytes(2500)));
        await FirmwareBuilder.UploadPartsAsync(client, binary.Id, content, 1024);

        var hashed = await FirmwareBuilder.HashAsync(client, binary.Id);

        Assert.Equal("uploadable", hashed.State);
        Assert.StartsWith("hash_mismatch", hashed.LastError);
        Assert.Empty((await client.Binaries.ListPartsAsync(binary.Id.ToString(), Cancel)).Data);
        var download = await Api.ThrowsApiAsync(() => client.Binaries.GetDownloadUrlAsync(binary.Id.ToString(), Cancel));
        Assert.Equal(ErrorCodes.InvalidState, download.Code);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(fixture.Server.DataDirectory, "blobs", "objects"), FirmwareBuilder.Sha(content), SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Hashable_PartsShortOfTheDeclaredSize_IsUploadIncomplete()
    {
        var client = (await fixture.NewTenantAsync()).Owner;
        var content = FirmwareBuilder.Bytes(3000);
        var binary = await FirmwareBuilder.DeclareAsync(client, content);
        await FirmwareBuilder.UploadPartsAsync(client, binary.Id, content[..2048], 1024);

        var error = await Api.ThrowsApiAsync(() => client.Binaries.UpdateAsync(binary.Id.ToString(), new UpdateBinaryRequest(State: "hashable"), Cancel));

        Assert.Equal(ErrorCodes.UploadIncomplete, error.Code);
        Assert.Equal("uploadable", (await client.Binaries.GetAsync(binary.Id.ToString(), Cancel)).State);
    }

    [Fact]
    public async Task Hashable_SmallPartThatIsNotTheLast_IsUploadIncomplete()
    {
        var client = (await fixture.NewTenantAsync()).Owner;
        var content = FirmwareBuilder.Bytes(2000);
        var binary = await FirmwareBuilder.DeclareAsync(client, content);
        await FirmwareBuilder.UploadPartsAsync(client, binary.Id, content, 1000);

        var error = await Api.ThrowsApiAsync(() => client.Binaries.UpdateAsync(binary.Id.ToString(), new UpdateBinaryRequest(State: "hashable"), Cancel));

        Assert.Equal(ErrorCodes.UploadIncomplete, error.Code);
    }

    [Fact]
    public async Task Destroy_SignedBinary_DeletesTheContentButKeepsTheRecord()
    {
        var client = (await fixture.NewTenantAsync()).Owner;
        var content = FirmwareBuilder.Bytes(1500);
        var binary = await FirmwareBuilder.SignedAsync(client, content);

        var destroyed = await client.Binaries.UpdateAsync(binary.Id.ToString(), new UpdateBinaryRequest(State: "destroyed"), Cancel);

        Assert.Equal("destroyed", destroyed.State);
        Assert.Equal(binary.Sha256, (await client.Binaries.GetAsync(binary.Id.ToString(), Cancel)).Sha256);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(fixture.Server.DataDirectory, "blobs", "objects"), binary.Sha256, SearchOption.AllDirectories));
        var version = await client.Binaries.CreateAsync(new CreateBinaryRequest(binary.ArtifactVersionId.ToString(), binary.Target, 10, FirmwareBuilder.Sha(new byte[10])), cancellationToken: Cancel);
        Assert.Equal("uploadable", version.State);
    }

    [Fact]
    public async Task Destroy_ContentSharedWithAnotherBinary_KeepsTheSharedObject()
    {
        var client = (await fixture.NewTenantAsync()).Owner;
        var content = FirmwareBuilder.Bytes(1200);
        var first = await FirmwareBuilder.SignedAsync(client, content);
        var second = await FirmwareBuilder.SignableAsync(client, content);

        await client.Binaries.UpdateAsync(first.Id.ToString(), new UpdateBinaryRequest(State: "destroyed"), Cancel);

        Assert.Single(Directory.EnumerateFileSystemEntries(Path.Combine(fixture.Server.DataDirectory, "blobs", "objects"), second.Sha256, SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Create_SecondLiveBinaryForTheSameTarget_IsAlreadyExists()
    {
        var client = (await fixture.NewTenantAsync()).Owner;
        var binary = await FirmwareBuilder.DeclareAsync(client, FirmwareBuilder.Bytes(10));

        var error = await Api.ThrowsApiAsync(() => client.Binaries.CreateAsync(
            new CreateBinaryRequest(binary.ArtifactVersionId.ToString(), binary.Target, 10, binary.Sha256), cancellationToken: Cancel));

        Assert.Equal(ErrorCodes.AlreadyExists, error.Code);
    }

    [Theory]
    [InlineData("../../etc", 10, "target")]
    [InlineData("arm\0x", 10, "target")]
    [InlineData("a/b", 10, "target")]
    [InlineData("aarch64", -5, "size")]
    [InlineData("aarch64", 0, "size")]
    public async Task Create_BadInput_IsAValidationErrorAndCreatesNothing(string target, long size, string field)
    {
        var client = (await fixture.NewTenantAsync()).Owner;
        var version = await FirmwareBuilder.VersionAsync(client);

        var error = await Api.ThrowsApiAsync(() => client.Binaries.CreateAsync(
            new CreateBinaryRequest(version.Id.ToString(), target, size, FirmwareBuilder.Sha([1])), cancellationToken: Cancel));

        Assert.Equal(ErrorCodes.ValidationFailed, error.Code);
        Assert.Contains(field, error.Problem!.Errors!.Keys);
        Assert.Empty((await client.Binaries.ListAsync(cancellationToken: Cancel)).Data);
    }

    [Fact]
    public async Task Create_HashThatIsNotLowercaseHex_IsAValidationError()
    {
        var client = (await fixture.NewTenantAsync()).Owner;
        var version = await FirmwareBuilder.VersionAsync(client);

        var error = await Api.ThrowsApiAsync(() => client.Binaries.CreateAsync(
            new CreateBinaryRequest(version.Id.ToString(), "x86_64", 1, new string('A', 64)), cancellationToken: Cancel));

        Assert.Contains("sha256", error.Problem!.Errors!.Keys);
    }

    private static async Task<BinaryResponse> InStateAsync(HangarClient client, string state)
    {
        var content = FirmwareBuilder.Bytes(1500);
        switch (state)
        {
            case "uploadable":
                var uploaded = await FirmwareBuilder.DeclareAsync(client, content);
                await FirmwareBuilder.UploadPartsAsync(client, uploaded.Id, content, 1024);
                return uploaded;
            case "hashable":
                var binary = await FirmwareBuilder.DeclareAsync(client, content);
                await FirmwareBuilder.UploadPartsAsync(client, binary.Id, content, 1024);
                return await client.Binaries.UpdateAsync(binary.Id.ToString(), new UpdateBinaryRequest(State: "hashable"), Cancel);
            case "signable":
                return await FirmwareBuilder.SignableAsync(client, content);
            case "signed":
                return await FirmwareBuilder.SignedAsync(client, content);
            default:
                var signed = await FirmwareBuilder.SignedAsync(client, content);
                return await client.Binaries.UpdateAsync(signed.Id.ToString(), new UpdateBinaryRequest(State: "destroyed"), Cancel);
        }
    }

    public sealed class OnSqlite(SqliteServer fixture) : BinaryLifecycleTests(fixture);

    public sealed class OnPostgres(PostgresServer fixture) : BinaryLifecycleTests(fixture);
}
