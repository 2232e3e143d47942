using Hangar.Client;
using Hangar.Contracts.Devices;
using Hangar.Contracts.Firmware;
using Hangar.Server.Tests.Devices;
using Hangar.Server.Tests.Firmware;
using Hangar.Server.Tests.Fixtures;
using Hangar.Testing.Pki;

namespace Hangar.Server.Tests.Events;

/// <summary>The fleet and firmware features record their domain events in the change's transaction.</summary>
public abstract class FeatureEventTests(ServerFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DeviceLifecycle_RecordsCreatedUpdatedDeleted_AndANoOpUpdateRecordsNothing()
    {
        var tenant = await fixture.NewTenantAsync();
        var product = await tenant.Owner.Products.CreateAsync(new CreateProductRequest("events"), cancellationToken: Cancel);
        var device = await tenant.Owner.Devices.CreateAsync(new CreateDeviceRequest("ev-1", product.Id.ToString()), cancellationToken: Cancel);
        await tenant.Owner.Devices.UpdateAsync(device.Id.ToString(), new UpdateDeviceRequest(Tags: ["lab"]), Cancel);
        await tenant.Owner.Devices.UpdateAsync(device.Id.ToString(), new UpdateDeviceRequest(Tags: ["lab"]), Cancel);
        await tenant.Owner.Devices.DeleteAsync(device.Id.ToString(), Cancel);

        var recorded = await EventsOfAsync(tenant.Owner, $"resource_type:'device' and resource_id:'{device.Id}'");
        Assert.Equal(["device.created", "device.updated", "device.deleted"], recorded.Select(e => e.Type));
        Assert.Equal("ev-1", recorded[0].Data.GetProperty("identifier").GetString());
        Assert.Equal("lab", recorded[1].Data.GetProperty("tags")[0].GetString());
    }

    [Fact]
    public async Task CsvImport_RecordsOneCreatedEventPerDevice_AndAFailedImportNone()
    {
        var tenant = await fixture.NewTenantAsync();
        await tenant.Owner.Products.CreateAsync(new CreateProductRequest("gw"), cancellationToken: Cancel);
        await Api.ThrowsApiAsync(() => tenant.Owner.Devices.ImportAsync(new ImportDevicesRequest("imp-0,,,gw,,,\nimp-x,,,nope,,,\n"), Cancel));

        await tenant.Owner.Devices.ImportAsync(new ImportDevicesRequest("identifier,description,tags,product\nimp-1,,\"a,b\",gw\nimp-2,,,gw\nimp-3,,,gw\n"), Cancel);

        var created = await EventsOfAsync(tenant.Owner, "type:'device.created'");
        Assert.Equal(["imp-1", "imp-2", "imp-3"], created.Select(e => e.Data.GetProperty("identifier").GetString()).Order());
        Assert.All(created, e => Assert.Equal("import", e.Data.GetProperty("source").GetString()));
        Assert.All(created, e => Assert.Equal("api_key", e.ActorType));
        var devices = (await tenant.Owner.Devices.ListAsync(cancellationToken: Cancel)).Data;
        Assert.Equal(devices.Select(d => d.Id).Order(), created.Select(e => e.ResourceId).Order());
        Assert.Equal(["a", "b"], created.Single(e => e.Data.GetProperty("identifier").GetString() == "imp-1").Data.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task BulkAction_RecordsAnUpdatedEventPerChangedDeviceOnly()
    {
        var tenant = await fixture.NewTenantAsync();
        var product = await tenant.Owner.Products.CreateAsync(new CreateProductRequest("bulk"), cancellationToken: Cancel);
        var ids = new List<string>();
        foreach (var (identifier, quarantined) in new[] { ("b-1", false), ("b-2", true), ("b-3", false) })
        {
            ids.Add((await tenant.Owner.Devices.CreateAsync(new CreateDeviceRequest(identifier, product.Id.ToString(), Quarantined: quarantined), cancellationToken: Cancel)).Id.ToString());
        }

        var result = await tenant.Owner.Devices.BulkAsync(new BulkDeviceActionRequest("quarantine", DeviceIds: ids), Cancel);

        Assert.Equal(2, result.Changed);
        var updated = await EventsOfAsync(tenant.Owner, "type:'device.updated'");
        Assert.Equal(["b-1", "b-3"], updated.Select(e => e.Data.GetProperty("identifier").GetString()).Order());
        Assert.All(updated, e => Assert.True(e.Data.GetProperty("quarantined").GetBoolean()));
        Assert.All(updated, e => Assert.Equal("bulk_action", e.Data.GetProperty("source").GetString()));
    }

    [Fact]
    public async Task SigningABinary_AndCreatingABundle_RecordTheirEvents()
    {
        var tenant = await fixture.NewTenantAsync();
        var binary = await FirmwareBuilder.SignedAsync(tenant.Owner, FirmwareBuilder.Bytes(1100));
        var bundle = await tenant.Owner.Bundles.CreateAsync(new CreateBundleRequest([new BundleEntryRequest(binary.Id.ToString())], "evented"), cancellationToken: Cancel);

        var signed = Assert.Single(await EventsOfAsync(tenant.Owner, "type:'binary.signed'"));
        Assert.Equal(binary.Id, signed.ResourceId);
        Assert.Equal(binary.Sha256, signed.Data.GetProperty("sha256").GetString());
        var created = Assert.Single(await EventsOfAsync(tenant.Owner, "type:'bundle.created'"));
        Assert.Equal(bundle.Id, created.ResourceId);
        Assert.Equal(bundle.Hash, created.Data.GetProperty("hash").GetString());
    }

    [Fact]
    public async Task RegisteringACa_RecordsItsEvent()
    {
        var tenant = await fixture.NewTenantAsync();
        var ca = await CaRegistrar.RegisterAsync(tenant.Owner, TestPki.Root());

        var registered = Assert.Single(await EventsOfAsync(tenant.Owner, "type:'ca_certificate.registered'"));
        Assert.Equal(ca.Id, registered.ResourceId);
    }

    private static async Task<List<Contracts.Events.EventResponse>> EventsOfAsync(HangarClient client, string search) =>
        [.. (await client.Events.ListAsync(new ListOptions(Limit: 100, Search: search), Cancel)).Data];

    public sealed class OnSqlite(SqliteServer fixture) : FeatureEventTests(fixture);

    public sealed class OnPostgres(PostgresServer fixture) : FeatureEventTests(fixture);
}
