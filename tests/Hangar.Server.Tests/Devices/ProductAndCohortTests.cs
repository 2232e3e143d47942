using System.Net;
using Hangar.Client;
using Hangar.Contracts.Common;
using Hangar.Contracts.Devices;
using Hangar.Server.Tests.Fixtures;

namespace Hangar.Server.Tests.Devices;

public abstract class ProductAndCohortTests(ServerFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Product_CreateRenameSearch_Works_AndNamesAreUniquePerOrganization()
    {
        var tenant = await fixture.NewTenantAsync();
        var other = await fixture.NewTenantAsync();
        var product = await tenant.Owner.Products.CreateAsync(new CreateProductRequest("gateway"), cancellationToken: Cancel);
        await other.Owner.Products.CreateAsync(new CreateProductRequest("gateway"), cancellationToken: Cancel);

        var duplicate = await Api.ThrowsApiAsync(() => tenant.Owner.Products.CreateAsync(new CreateProductRequest("gateway"), cancellationToken: Cancel));
        Assert.Equal(HttpStatusCode.Conflict, duplicate.Status);
        Assert.Equal(ErrorCodes.AlreadyExists, duplicate.Code);

        var renamed = await tenant.Owner.Products.UpdateAsync(product.Hrn, new UpdateProductRequest(Name: "gateway-v2"), Cancel);
        Assert.Equal("gateway-v2", renamed.Name);
        var found = await tenant.Owner.Products.ListAsync(new ListOptions(Search: "name~'v2' and archived:false"), Cancel);
        Assert.Equal(product.Id, Assert.Single(found.Data).Id);

        var audit = await tenant.Owner.Audit.ListAsync(new ListOptions(Search: "action:'product.update'"), Cancel);
        Assert.Equal(product.Id, Assert.Single(audit.Data).ResourceId);
    }

    [Fact]
    public async Task Product_WithDevices_CannotBeArchived_AndArchivedProduct_TakesNoDevices()
    {
        var tenant = await fixture.NewTenantAsync();
        var product = await tenant.Owner.Products.CreateAsync(new CreateProductRequest("sensor"), cancellationToken: Cancel);
        var device = await tenant.Owner.Devices.CreateAsync(new CreateDeviceRequest("dev-1", product.Id.ToString()), cancellationToken: Cancel);

        var refused = await Api.ThrowsApiAsync(() => tenant.Owner.Products.UpdateAsync(product.Id.ToString(), new UpdateProductRequest(Archived: true), Cancel));
        Assert.Equal(ErrorCodes.ProductHasDevices, refused.Code);
        Assert.False((await tenant.Owner.Products.GetAsync(product.Id.ToString(), Cancel)).Archived);

        await tenant.Owner.Devices.DeleteAsync(device.Id.ToString(), Cancel);
        Assert.True((await tenant.Owner.Products.UpdateAsync(product.Id.ToString(), new UpdateProductRequest(Archived: true), Cancel)).Archived);
        var archived = await Api.ThrowsApiAsync(() => tenant.Owner.Devices.CreateAsync(new CreateDeviceRequest("dev-2", product.Id.ToString()), cancellationToken: Cancel));
        Assert.Equal(ErrorCodes.ProductArchived, archived.Code);
    }

    [Fact]
    public async Task Cohort_BelongsToAProduct_NamesUniqueWithinProduct_AndInUseCannotBeDeleted()
    {
        var tenant = await fixture.NewTenantAsync();
        var product = await tenant.Owner.Products.CreateAsync(new CreateProductRequest("camera"), cancellationToken: Cancel);
        var second = await tenant.Owner.Products.CreateAsync(new CreateProductRequest("doorbell"), cancellationToken: Cancel);
        var cohort = await tenant.Owner.Cohorts.CreateAsync(new CreateCohortRequest("beta", product.Hrn, "early adopters"), cancellationToken: Cancel);
        await tenant.Owner.Cohorts.CreateAsync(new CreateCohortRequest("beta", second.Id.ToString()), cancellationToken: Cancel);
        Assert.Equal(product.Id, cohort.ProductId);
        Assert.Equal("early adopters", cohort.Description);

        var duplicate = await Api.ThrowsApiAsync(() => tenant.Owner.Cohorts.CreateAsync(new CreateCohortRequest("beta", product.Id.ToString()), cancellationToken: Cancel));
        Assert.Equal(ErrorCodes.AlreadyExists, duplicate.Code);

        var cleared = await tenant.Owner.Cohorts.UpdateAsync(cohort.Id.ToString(), new UpdateCohortRequest(Description: ""), Cancel);
        Assert.Null(cleared.Description);

        await tenant.Owner.Devices.CreateAsync(new CreateDeviceRequest("cam-1", product.Id.ToString(), cohort.Id.ToString()), cancellationToken: Cancel);
        var inUse = await Api.ThrowsApiAsync(() => tenant.Owner.Cohorts.DeleteAsync(cohort.Id.ToString(), Cancel));
        Assert.Equal(ErrorCodes.InUse, inUse.Code);
        var listed = await tenant.Owner.Cohorts.ListAsync(new ListOptions(Search: $"product_id:'{product.Id}'"), Cancel);
        Assert.Equal(cohort.Id, Assert.Single(listed.Data).Id);
    }

    [Fact]
    public async Task Cohort_OfAnotherOrganizationsProduct_IsRefused()
    {
        var tenant = await fixture.NewTenantAsync();
        var other = await fixture.NewTenantAsync();
        var foreign = await other.Owner.Products.CreateAsync(new CreateProductRequest("theirs"), cancellationToken: Cancel);

        var error = await Api.ThrowsApiAsync(() => tenant.Owner.Cohorts.CreateAsync(new CreateCohortRequest("c", foreign.Id.ToString()), cancellationToken: Cancel));
        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
        Assert.Contains("product_id", error.Problem!.Errors!.Keys);
    }

    public sealed class OnSqlite(SqliteServer fixture) : ProductAndCohortTests(fixture);

    public sealed class OnPostgres(PostgresServer fixture) : ProductAndCohortTests(fixture);
}
