using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hangar.Client;
using Hangar.Contracts.Common;
using Hangar.Contracts.Firmware;
using Hangar.Server.Tests.Fixtures;

namespace Hangar.Server.Tests.Firmware;

public abstract class BundleTests(ServerFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    [Fact]
    public async Task Bundle_Create_MergesMetadataKeyByKeyAndHashesTheCanonicalManifest()
    {
        var client = (await fixture.NewTenantAsync()).Owner;
        var first = await FirmwareBuilder.SignedAsync(client, FirmwareBuilder.Bytes(1100));
        var second = await FirmwareBuilder.SignedAsync(client, FirmwareBuilder.Bytes(900));
        var version = await client.ArtifactVersions.GetAsync(first.ArtifactVersionId.ToString(), Cancel);
        var secondVersion = await client.ArtifactVersions.GetAsync(second.ArtifactVersionId.ToString(), Cancel);
        await client.Artifacts.UpdateAsync(version.ArtifactId.ToString(), new UpdateArtifactRequest(CustomMetadata: Json("""{"z":{"y":1,"x":[true,null,"s\n"]},"a":1,"board":"any"}""")), Cancel);
        await client.ArtifactVersions.UpdateAsync(version.Id.ToString(), new UpdateArtifactVersionRequest(CustomMetadata: Json("""{"board":"imx8","v":2.50}""")), Cancel);
        await client.Binaries.UpdateAsync(first.Id.ToString(), new UpdateBinaryRequest(CustomMetadata: Json("""{"b":"bin"}""")), Cancel);

        var bundle = await client.Bundles.CreateAsync(new CreateBundleRequest(
            [new BundleEntryRequest(second.Hrn), new BundleEntryRequest(first.Id.ToString(), Json("""{"a":"entry"}"""))], "spring"), cancellationToken: Cancel);

        var merged = """{"a":"entry","b":"bin","board":"imx8","v":2.50,"z":{"x":[true,null,"s\n"],"y":1}}""";
        Assert.Equal([second.Id, first.Id], bundle.Binaries.Select(e => e.BinaryId));
        Assert.Equal("{}", bundle.Binaries[0].CustomMetadata.GetRawText());
        Assert.Equal(merged, bundle.Binaries[1].CustomMetadata.GetRawText());
        var manifest = "{\"binaries\":["
            + Entry(secondVersion.ArtifactId, second, "{}") + ","
            + Entry(version.ArtifactId, first, merged)
            + "],\"manifest_version\":1}";
        Assert.Equal("sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(manifest))), bundle.Hash);
        Assert.True(bundle.Deliverable);

        // Later edits of inherited metadata change neither the bundle nor its hash.
        await client.Artifacts.UpdateAsync(version.ArtifactId.ToString(), new UpdateArtifactRequest(CustomMetadata: Json("""{"a":"changed"}""")), Cancel);
        var fetched = await client.Bundles.GetAsync(bundle.Hrn, Cancel);
        Assert.Equal(bundle.Hash, fetched.Hash);
        Assert.Equal(merged, fetched.Binaries[1].CustomMetadata.GetRawText());
        var found = await client.Bundles.ListAsync(new ListOptions(Search: $"hash:'{bundle.Hash}'"), Cancel);
        Assert.Equal(bundle.Id, Assert.Single(found.Data).Id);
        var audit = await client.Audit.ListAsync(new ListOptions(Search: $"resource_id:'{bundle.Id}'"), Cancel);
        Assert.Contains(audit.Data, a => a.Action == "bundle.create");
    }

    private static string Entry(Guid artifactId, BinaryResponse binary, string metadata) =>
        $"{{\"artifact_id\":\"{artifactId}\",\"artifact_version_id\":\"{binary.ArtifactVersionId}\",\"binary_id\":\"{binary.Id}\","
        + $"\"custom_metadata\":{metadata},\"sha256\":\"{binary.Sha256}\",\"size\":{binary.Size},\"target\":\"{binary.Target}\"}}";

    [Fact]
    public async Task Bundle_SameContentInTheSameOrder_HasTheSameHash_AndOrderMatters()
    {
        var client = (await fixture.NewTenantAsync()).Owner;
        var a = await FirmwareBuilder.SignedAsync(client, FirmwareBuilder.Bytes(1100));
        var b = await FirmwareBuilder.SignedAsync(client, FirmwareBuilder.Bytes(1100));

        var one = await client.Bundles.CreateAsync(new CreateBundleRequest([new(a.Hrn), new(b.Hrn)], "one"), cancellationToken: Cancel);
        var two = await client.Bundles.CreateAsync(new CreateBundleRequest([new(a.Hrn), new(b.Hrn)], "two"), cancellationToken: Cancel);
        var reversed = await client.Bundles.CreateAsync(new CreateBundleRequest([new(b.Hrn), new(a.Hrn)]), cancellationToken: Cancel);

        Assert.Equal(one.Hash, two.Hash);
        Assert.NotEqual(one.Hash, reversed.Hash);
    }

    [Fact]
    public async Task Bundle_WithABinaryThatIsNotSigned_IsBinaryNotSignedAndCreatesNothing()
    {
        var client = (await fixture.NewTenantAsync()).Owner;
        var signed = await FirmwareBuilder.SignedAsync(client, FirmwareBuilder.Bytes(1100));
        var signable = await FirmwareBuilder.SignableAsync(client, FirmwareBuilder.Bytes(1100));

        var error = await Api.ThrowsApiAsync(() => client.Bundles.CreateAsync(new CreateBundleRequest([new(signed.Hrn), new(signable.Hrn)]), cancellationToken: Cancel));

        Assert.Equal(HttpStatusCode.Conflict, error.Status);
        Assert.Equal(ErrorCodes.BinaryNotSigned, error.Code);
        Assert.Contains("binaries[1]", error.Problem!.Detail, StringComparison.Ordinal);
        Assert.Empty((await client.Bundles.ListAsync(cancellationToken: Cancel)).Data);
    }

    [Fact]
    public async Task Bundle_SameBinaryTwiceOrBadEntries_IsValidationFailed()
    {
        var a = await fixture.NewTenantAsync();
        var b = await fixture.NewTenantAsync();
        var binary = await FirmwareBuilder.SignedAsync(a.Owner, FirmwareBuilder.Bytes(1100));
        var foreign = await FirmwareBuilder.SignedAsync(b.Owner, FirmwareBuilder.Bytes(1100));

        var twice = await Api.ThrowsApiAsync(() => a.Owner.Bundles.CreateAsync(new CreateBundleRequest([new(binary.Hrn), new(binary.Id.ToString())]), cancellationToken: Cancel));
        var empty = await Api.ThrowsApiAsync(() => a.Owner.Bundles.CreateAsync(new CreateBundleRequest([]), cancellationToken: Cancel));
        var otherOrg = await Api.ThrowsApiAsync(() => a.Owner.Bundles.CreateAsync(new CreateBundleRequest([new(foreign.Id.ToString())]), cancellationToken: Cancel));
        var notObject = await Api.ThrowsApiAsync(() => a.Owner.Bundles.CreateAsync(new CreateBundleRequest([new(binary.Hrn, Json("[1]"))]), cancellationToken: Cancel));

        Assert.Equal(HttpStatusCode.BadRequest, twice.Status);
        Assert.Contains("binaries[1].binary", twice.Problem!.Errors!.Keys);
        Assert.Contains("binaries", empty.Problem!.Errors!.Keys);
        Assert.Contains("binaries[0].binary", otherOrg.Problem!.Errors!.Keys);
        Assert.Contains("binaries[0].custom_metadata", notObject.Problem!.Errors!.Keys);
        Assert.Empty((await a.Owner.Bundles.ListAsync(cancellationToken: Cancel)).Data);
    }

    [Fact]
    public async Task Bundle_OnlyTheNameChanges()
    {
        var tenant = await fixture.NewTenantAsync();
        var binary = await FirmwareBuilder.SignedAsync(tenant.Owner, FirmwareBuilder.Bytes(1100));
        var bundle = await tenant.Owner.Bundles.CreateAsync(new CreateBundleRequest([new(binary.Hrn)], "old"), cancellationToken: Cancel);
        var other = await FirmwareBuilder.SignedAsync(tenant.Owner, FirmwareBuilder.Bytes(1100));

        using var changeBinaries = await tenant.OwnerHttp.PatchAsync($"api/v1/bundles/{bundle.Id}",
            Api.Json($$"""{"name":"new","binaries":[{"binary":"{{other.Id}}"}]}"""), Cancel);
        var renamed = await tenant.Owner.Bundles.UpdateAsync(bundle.Hrn, new UpdateBundleRequest("new"), Cancel);
        using var put = await tenant.OwnerHttp.PutAsync($"api/v1/bundles/{bundle.Id}", Api.Json("""{"name":"x"}"""), Cancel);
        var blank = await Api.ThrowsApiAsync(() => tenant.Owner.Bundles.UpdateAsync(bundle.Id.ToString(), new UpdateBundleRequest(" "), Cancel));

        Assert.Equal(HttpStatusCode.BadRequest, changeBinaries.StatusCode);
        Assert.Equal("new", renamed.Name);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, put.StatusCode);
        Assert.Equal(ErrorCodes.ValidationFailed, blank.Code);
        var after = await tenant.Owner.Bundles.GetAsync(bundle.Id.ToString(), Cancel);
        Assert.Equal("new", after.Name);
        Assert.Equal(bundle.Hash, after.Hash);
        Assert.Equal([binary.Id], after.Binaries.Select(e => e.BinaryId));
    }

    [Fact]
    public async Task Bundle_WithADestroyedBinary_IsNotDeliverable_AndDeletingItFreesTheBinary()
    {
        var client = (await fixture.NewTenantAsync()).Owner;
        var kept = await FirmwareBuilder.SignedAsync(client, FirmwareBuilder.Bytes(1100));
        var destroyed = await FirmwareBuilder.SignedAsync(client, FirmwareBuilder.Bytes(1100));
        var bundle = await client.Bundles.CreateAsync(new CreateBundleRequest([new(kept.Hrn), new(destroyed.Hrn)]), cancellationToken: Cancel);

        var inUse = await Api.ThrowsApiAsync(() => client.Binaries.DeleteAsync(destroyed.Id.ToString(), Cancel));
        await client.Binaries.UpdateAsync(destroyed.Id.ToString(), new UpdateBinaryRequest(State: "destroyed"), Cancel);

        Assert.Equal(ErrorCodes.InUse, inUse.Code);
        var after = await client.Bundles.GetAsync(bundle.Id.ToString(), Cancel);
        Assert.False(after.Deliverable);
        Assert.Equal(["signed", "destroyed"], after.Binaries.Select(e => e.State));
        Assert.Equal(bundle.Hash, after.Hash);

        await client.Bundles.DeleteAsync(bundle.Hrn, Cancel);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.ThrowsApiAsync(() => client.Bundles.GetAsync(bundle.Id.ToString(), Cancel))).Status);
        await client.Binaries.DeleteAsync(destroyed.Id.ToString(), Cancel);
        Assert.Equal("signed", (await client.Binaries.GetAsync(kept.Id.ToString(), Cancel)).State);
    }

    [Fact]
    public async Task Bundle_CreateWithTheSameIdempotencyKey_CreatesOne()
    {
        var client = (await fixture.NewTenantAsync()).Owner;
        var binary = await FirmwareBuilder.SignedAsync(client, FirmwareBuilder.Bytes(1100));
        var request = new CreateBundleRequest([new(binary.Hrn)], "once");
        var options = new RequestOptions(IdempotencyKey: "bundle-once");

        var first = await client.Bundles.CreateAsync(request, options, Cancel);
        var second = await client.Bundles.CreateAsync(request, options, Cancel);

        Assert.Equal(first.Id, second.Id);
        Assert.Single((await client.Bundles.ListAsync(cancellationToken: Cancel)).Data);
    }

    public sealed class OnSqlite(SqliteServer fixture) : BundleTests(fixture);

    public sealed class OnPostgres(PostgresServer fixture) : BundleTests(fixture);
}
