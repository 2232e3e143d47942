using System.Net;
using Hangar.Client;
using Hangar.Contracts.Common;
using Hangar.Contracts.Devices;
using Hangar.Server.Tests.Fixtures;

namespace Hangar.Server.Tests.Devices;

public abstract class DeviceTests(ServerFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Device_CreateGetUpdate_RoundTrips_AndReportedFieldsStartEmpty()
    {
        var (tenant, product, cohort) = await SetUpAsync();
        var device = await tenant.Owner.Devices.CreateAsync(
            new CreateDeviceRequest("dev-01", product.Name, cohort.Name, "lab unit", ["edge", "lab", "edge"], "aarch64-unknown-linux-gnu"), cancellationToken: Cancel);
        Assert.Equal(["edge", "lab"], device.Tags);
        Assert.Equal(cohort.Id, device.CohortId);
        Assert.Null(device.ReportedReleaseId);
        Assert.Null(device.ReportedReleaseVersion);
        Assert.Null(device.LastConnectedAt);

        var updated = await tenant.Owner.Devices.UpdateAsync(device.Hrn, new UpdateDeviceRequest(CohortId: "", Tags: ["lab", "field"], Target: "", Quarantined: true), Cancel);
        Assert.Null(updated.CohortId);
        Assert.Null(updated.Target);
        Assert.Equal(["field", "lab"], updated.Tags);
        Assert.True(updated.Quarantined);
        Assert.Equal("lab unit", (await tenant.Owner.Devices.GetAsync(device.Id.ToString(), Cancel)).Description);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("")]
    [InlineData("semi;colon")]
    public async Task Device_WithBadIdentifier_IsRefused(string identifier)
    {
        var (tenant, product, _) = await SetUpAsync();
        var error = await Api.ThrowsApiAsync(() => tenant.Owner.Devices.CreateAsync(new CreateDeviceRequest(identifier, product.Id.ToString()), cancellationToken: Cancel));
        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
        Assert.Contains("identifier", error.Problem!.Errors!.Keys);
    }

    [Fact]
    public async Task Device_IdentifierIsUniquePerOrganization()
    {
        var (tenant, product, _) = await SetUpAsync();
        var (other, otherProduct, _) = await SetUpAsync();
        await tenant.Owner.Devices.CreateAsync(new CreateDeviceRequest("same", product.Id.ToString()), cancellationToken: Cancel);
        await other.Owner.Devices.CreateAsync(new CreateDeviceRequest("same", otherProduct.Id.ToString()), cancellationToken: Cancel);

        var error = await Api.ThrowsApiAsync(() => tenant.Owner.Devices.CreateAsync(new CreateDeviceRequest("same", product.Id.ToString()), cancellationToken: Cancel));
        Assert.Equal(HttpStatusCode.Conflict, error.Status);
    }

    [Fact]
    public async Task Search_ByTagsAndFields_FindsExactlyTheMatchingDevices()
    {
        var (tenant, product, cohort) = await SetUpAsync();
        var a = await tenant.Owner.Devices.CreateAsync(new CreateDeviceRequest("a-1", product.Id.ToString(), cohort.Id.ToString(), Tags: ["edge", "eu"]), cancellationToken: Cancel);
        var b = await tenant.Owner.Devices.CreateAsync(new CreateDeviceRequest("b-1", product.Id.ToString(), Tags: ["edge-lab"], Target: "x86_64"), cancellationToken: Cancel);
        await tenant.Owner.Devices.CreateAsync(new CreateDeviceRequest("c-1", product.Id.ToString(), Tags: ["us"]), cancellationToken: Cancel);

        async Task<Guid[]> FindAsync(string search) =>
            (await tenant.Owner.Devices.ListAsync(new ListOptions(Search: search), Cancel)).Data.Select(d => d.Id).ToArray();

        Assert.Equal([a.Id], await FindAsync("tags:'edge'"));
        Assert.Equal([a.Id, b.Id], await FindAsync("tags~'edge'"));
        Assert.Equal([a.Id], await FindAsync("tags:'edge' and tags:'eu'"));
        Assert.Equal([a.Id], await FindAsync($"cohort_id:'{cohort.Id}'"));
        Assert.Equal([b.Id], await FindAsync("target:'x86_64' and identifier~'b-'"));
        Assert.Empty(await FindAsync("quarantined:true"));
    }

    [Fact]
    public async Task Bulk_MoveTagAndQuarantine_ByIdsAndBySearch()
    {
        var (tenant, product, cohort) = await SetUpAsync();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await tenant.Owner.Devices.CreateAsync(new CreateDeviceRequest($"bulk-{i}", product.Id.ToString(), Tags: ["old"]), cancellationToken: Cancel)).Id.ToString());
        }

        var moved = await tenant.Owner.Devices.BulkAsync(new BulkDeviceActionRequest("move_cohort", DeviceIds: ids[..2], CohortId: cohort.Id.ToString()), Cancel);
        Assert.Equal(new BulkDeviceActionResponse(2, 2), moved);
        var tagged = await tenant.Owner.Devices.BulkAsync(new BulkDeviceActionRequest("add_tags", Search: $"cohort_id:'{cohort.Id}'", Tags: ["canary"]), Cancel);
        Assert.Equal(2, tagged.Changed);
        await tenant.Owner.Devices.BulkAsync(new BulkDeviceActionRequest("remove_tags", Search: "tags:'old'", Tags: ["old"]), Cancel);
        var quarantined = await tenant.Owner.Devices.BulkAsync(new BulkDeviceActionRequest("quarantine", Search: "tags:'canary'"), Cancel);
        Assert.Equal(2, quarantined.Changed);

        var first = await tenant.Owner.Devices.GetAsync(ids[0], Cancel);
        Assert.Equal(["canary"], first.Tags);
        Assert.True(first.Quarantined);
        var last = await tenant.Owner.Devices.GetAsync(ids[2], Cancel);
        Assert.Empty(last.Tags);
        Assert.False(last.Quarantined);
        Assert.Null(last.CohortId);
    }

    [Fact]
    public async Task Bulk_WithForeignOrUnknownIds_ChangesNothing()
    {
        var (tenant, product, _) = await SetUpAsync();
        var (other, otherProduct, _) = await SetUpAsync();
        var mine = await tenant.Owner.Devices.CreateAsync(new CreateDeviceRequest("mine", product.Id.ToString()), cancellationToken: Cancel);
        var theirs = await other.Owner.Devices.CreateAsync(new CreateDeviceRequest("theirs", otherProduct.Id.ToString()), cancellationToken: Cancel);

        var error = await Api.ThrowsApiAsync(() => tenant.Owner.Devices.BulkAsync(
            new BulkDeviceActionRequest("quarantine", DeviceIds: [mine.Id.ToString(), theirs.Id.ToString()]), Cancel));
        Assert.Equal(HttpStatusCode.NotFound, error.Status);
        Assert.False((await tenant.Owner.Devices.GetAsync(mine.Id.ToString(), Cancel)).Quarantined);
        Assert.False((await other.Owner.Devices.GetAsync(theirs.Id.ToString(), Cancel)).Quarantined);
    }

    [Fact]
    public async Task Bulk_MoveToCohortOfAnotherProduct_IsRefused()
    {
        var (tenant, product, _) = await SetUpAsync();
        var otherProduct = await tenant.Owner.Products.CreateAsync(new CreateProductRequest("other"), cancellationToken: Cancel);
        var otherCohort = await tenant.Owner.Cohorts.CreateAsync(new CreateCohortRequest("x", otherProduct.Id.ToString()), cancellationToken: Cancel);
        var device = await tenant.Owner.Devices.CreateAsync(new CreateDeviceRequest("d", product.Id.ToString()), cancellationToken: Cancel);

        var error = await Api.ThrowsApiAsync(() => tenant.Owner.Devices.BulkAsync(
            new BulkDeviceActionRequest("move_cohort", DeviceIds: [device.Id.ToString()], CohortId: otherCohort.Id.ToString()), Cancel));
        Assert.Equal(ErrorCodes.ValidationFailed, error.Code);
        Assert.Null((await tenant.Owner.Devices.GetAsync(device.Id.ToString(), Cancel)).CohortId);
    }

    private async Task<(Tenant Tenant, ProductResponse Product, CohortResponse Cohort)> SetUpAsync()
    {
        var tenant = await fixture.NewTenantAsync();
        var product = await tenant.Owner.Products.CreateAsync(new CreateProductRequest("board"), cancellationToken: Cancel);
        var cohort = await tenant.Owner.Cohorts.CreateAsync(new CreateCohortRequest("stable", product.Id.ToString()), cancellationToken: Cancel);
        return (tenant, product, cohort);
    }

    public sealed class OnSqlite(SqliteServer fixture) : DeviceTests(fixture);

    public sealed class OnPostgres(PostgresServer fixture) : DeviceTests(fixture);
}
