using System.Net;
using System.Text.Json;
using Hangar.Client;
using Hangar.Contracts.Common;
using Hangar.Contracts.Firmware;
using Hangar.Server.Tests.Fixtures;

namespace Hangar.Server.Tests.Firmware;

public abstract class ArtifactTests(ServerFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Artifact_CreateUpdateSearchDelete_RoundTrips()
    {
        var client = (await fixture.NewTenantAsync()).Owner;
        var metadata = JsonDocument.Parse("""{"board":"imx8","nested":{"a":[1,2]}}""").RootElement;
        var created = await client.Artifacts.CreateAsync(new CreateArtifactRequest("rootfs", "root file system", metadata), cancellationToken: Cancel);
        await client.Artifacts.CreateAsync(new CreateArtifactRequest("app"), cancellationToken: Cancel);

        Assert.Equal("imx8", created.CustomMetadata!.Value.GetProperty("board").GetString());
        Assert.Equal(created.Id, (await client.Artifacts.GetAsync(created.Hrn, Cancel)).Id);
        var found = await client.Artifacts.ListAsync(new ListOptions(Search: "name:'rootfs'"), Cancel);
        Assert.Equal(created.Id, Assert.Single(found.Data).Id);
        var page = await client.Artifacts.ListAsync(new ListOptions(Limit: 1), Cancel);
        Assert.NotNull(page.NextPage);

        var updated = await client.Artifacts.UpdateAsync(created.Id.ToString(), new UpdateArtifactRequest(Description: "changed"), Cancel);
        Assert.Equal("changed", updated.Description);
        Assert.Equal("rootfs", updated.Name);

        var version = await client.ArtifactVersions.CreateAsync(new CreateArtifactVersionRequest(created.Hrn, "2.0.0-rc.1"), cancellationToken: Cancel);
        var inUse = await Api.ThrowsApiAsync(() => client.Artifacts.DeleteAsync(created.Id.ToString(), Cancel));
        Assert.Equal(ErrorCodes.InUse, inUse.Code);
        await client.ArtifactVersions.DeleteAsync(version.Id.ToString(), Cancel);
        await client.Artifacts.DeleteAsync(created.Id.ToString(), Cancel);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.ThrowsApiAsync(() => client.Artifacts.GetAsync(created.Id.ToString(), Cancel))).Status);

        var audit = await client.Audit.ListAsync(new ListOptions(Search: $"resource_id:'{created.Id}'"), Cancel);
        Assert.Contains(audit.Data, a => a.Action == "artifact.create");
        Assert.Contains(audit.Data, a => a.Action == "artifact.delete" && a.Outcome == "success");
    }

    [Fact]
    public async Task Artifact_DuplicateName_IsAlreadyExists()
    {
        var client = (await fixture.NewTenantAsync()).Owner;
        await client.Artifacts.CreateAsync(new CreateArtifactRequest("rootfs"), cancellationToken: Cancel);

        var error = await Api.ThrowsApiAsync(() => client.Artifacts.CreateAsync(new CreateArtifactRequest("rootfs"), cancellationToken: Cancel));

        Assert.Equal(ErrorCodes.AlreadyExists, error.Code);
    }

    [Fact]
    public async Task ArtifactVersion_DuplicateVersionInOneArtifact_IsAlreadyExists()
    {
        var client = (await fixture.NewTenantAsync()).Owner;
        var version = await FirmwareBuilder.VersionAsync(client);

        var error = await Api.ThrowsApiAsync(() => client.ArtifactVersions.CreateAsync(
            new CreateArtifactVersionRequest(version.ArtifactId.ToString(), version.Version), cancellationToken: Cancel));

        Assert.Equal(ErrorCodes.AlreadyExists, error.Code);
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    [InlineData("42")]
    public async Task CustomMetadata_NotAnObject_IsRejected(string json)
    {
        var client = (await fixture.NewTenantAsync()).Owner;

        var error = await Api.ThrowsApiAsync(() => client.Artifacts.CreateAsync(
            new CreateArtifactRequest("a", CustomMetadata: JsonDocument.Parse(json).RootElement), cancellationToken: Cancel));

        Assert.Equal(ErrorCodes.ValidationFailed, error.Code);
        Assert.Contains("custom_metadata", error.Problem!.Errors!.Keys);
    }

    [Fact]
    public async Task CustomMetadata_OverOneMegabyte_IsRejectedAndNothingIsCreated()
    {
        var client = (await fixture.NewTenantAsync()).Owner;
        var huge = JsonDocument.Parse(JsonSerializer.Serialize(new { blob = new string('x', 1_000_001) })).RootElement;

        var error = await Api.ThrowsApiAsync(() => client.Artifacts.CreateAsync(new CreateArtifactRequest("big", CustomMetadata: huge), cancellationToken: Cancel));

        Assert.Equal(ErrorCodes.ValidationFailed, error.Code);
        Assert.Empty((await client.Artifacts.ListAsync(cancellationToken: Cancel)).Data);
    }

    [Fact]
    public async Task ArtifactVersion_OfAnotherOrganizationsArtifact_IsAValidationError()
    {
        var other = (await fixture.NewTenantAsync()).Owner;
        var foreign = await other.Artifacts.CreateAsync(new CreateArtifactRequest("theirs"), cancellationToken: Cancel);
        var client = (await fixture.NewTenantAsync()).Owner;

        var error = await Api.ThrowsApiAsync(() => client.ArtifactVersions.CreateAsync(new CreateArtifactVersionRequest(foreign.Id.ToString(), "1"), cancellationToken: Cancel));

        Assert.Equal(ErrorCodes.ValidationFailed, error.Code);
        Assert.Contains("artifact", error.Problem!.Errors!.Keys);
    }

    public sealed class OnSqlite(SqliteServer fixture) : ArtifactTests(fixture);

    public sealed class OnPostgres(PostgresServer fixture) : ArtifactTests(fixture);
}
