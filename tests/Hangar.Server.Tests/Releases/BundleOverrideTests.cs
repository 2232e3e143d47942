using System.Net;
using Hangar.Client;
using Hangar.Contracts.Common;
using Hangar.Contracts.Devices;
using Hangar.Contracts.Firmware;
using Hangar.Contracts.Releases;
using Hangar.Server.Tests.Firmware;
using Hangar.Server.Tests.Fixtures;

namespace Hangar.Server.Tests.Releases;

public abstract class BundleOverrideTests(ServerFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static DateTime Now => TimeProvider.System.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task Override_CreateGetListUpdateDelete_RoundTrips()
    {
        var s = await ReleaseScenario.StartAsync(fixture);
        var bundle = await s.BundleAsync();
        var other = await s.BundleAsync();
        var starts = Now.AddHours(-1);

        var created = await s.Client.BundleOverrides.CreateAsync(
            new CreateBundleOverrideRequest("hotfix", bundle.ToString(), starts, Description: "field test"), cancellationToken: Cancel);
        var read = await s.Client.BundleOverrides.GetAsync(created.Hrn, Cancel);
        var listed = await s.Client.BundleOverrides.ListAsync(new ListOptions(Search: "name:'hotfix'"), Cancel);
        var ended = await s.Client.BundleOverrides.UpdateAsync(created.Id.ToString(),
            new UpdateBundleOverrideRequest(Name: "hotfix-2", Bundle: other.ToString(), EndsAt: starts.AddMinutes(30), Description: ""), Cancel);
        var reopened = await s.Client.BundleOverrides.UpdateAsync(created.Id.ToString(), new UpdateBundleOverrideRequest(ClearEndsAt: true), Cancel);
        await s.Client.BundleOverrides.DeleteAsync(created.Id.ToString(), Cancel);

        Assert.True(created.Active);
        Assert.Equal(("hotfix", "field test", bundle, (DateTime?)null, 0), (created.Name, created.Description, created.BundleId, created.EndsAt, created.DeviceCount));
        Assert.Equal(created, read);
        Assert.Equal(created.Id, Assert.Single(listed.Data).Id);
        Assert.Equal(("hotfix-2", (string?)null, other, false), (ended.Name, ended.Description, ended.BundleId, ended.Active));
        Assert.Null(reopened.EndsAt);
        Assert.True(reopened.Active);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.ThrowsApiAsync(() => s.Client.BundleOverrides.GetAsync(created.Id.ToString(), Cancel))).Status);
        var events = await s.Client.Events.ListAsync(new ListOptions(Search: $"resource_id:'{created.Id}'"), Cancel);
        Assert.Equal(["bundle_override.created", "bundle_override.updated", "bundle_override.updated", "bundle_override.deleted"], events.Data.Select(e => e.Type));
    }

    [Fact]
    public async Task Override_StartingLater_IsNotActiveYet()
    {
        var s = await ReleaseScenario.StartAsync(fixture);

        var created = await s.Client.BundleOverrides.CreateAsync(
            new CreateBundleOverrideRequest("later", (await s.BundleAsync()).ToString(), Now.AddDays(1), Now.AddDays(2)), cancellationToken: Cancel);

        Assert.False(created.Active);
    }

    [Fact]
    public async Task Override_TakenName_IsAlreadyExists()
    {
        var s = await ReleaseScenario.StartAsync(fixture);
        var bundle = (await s.BundleAsync()).ToString();
        await s.Client.BundleOverrides.CreateAsync(new CreateBundleOverrideRequest("one", bundle, Now), cancellationToken: Cancel);
        var second = await s.Client.BundleOverrides.CreateAsync(new CreateBundleOverrideRequest("two", bundle, Now), cancellationToken: Cancel);

        var onCreate = await Api.ThrowsApiAsync(() => s.Client.BundleOverrides.CreateAsync(new CreateBundleOverrideRequest("one", bundle, Now), cancellationToken: Cancel));
        var onUpdate = await Api.ThrowsApiAsync(() => s.Client.BundleOverrides.UpdateAsync(second.Id.ToString(), new UpdateBundleOverrideRequest(Name: "one"), Cancel));

        Assert.Equal((HttpStatusCode.Conflict, ErrorCodes.AlreadyExists), (onCreate.Status, onCreate.Code));
        Assert.Equal((HttpStatusCode.Conflict, ErrorCodes.AlreadyExists), (onUpdate.Status, onUpdate.Code));
    }

    [Fact]
    public async Task Override_WindowEndingBeforeItStarts_OrNotInUtc_IsValidationFailed()
    {
        var s = await ReleaseScenario.StartAsync(fixture);
        var bundle = (await s.BundleAsync()).ToString();
        var created = await s.Client.BundleOverrides.CreateAsync(new CreateBundleOverrideRequest("o", bundle, Now, Now.AddDays(1)), cancellationToken: Cancel);

        var backwards = await Api.ThrowsApiAsync(() => s.Client.BundleOverrides.CreateAsync(
            new CreateBundleOverrideRequest("p", bundle, Now, Now.AddSeconds(-1)), cancellationToken: Cancel));
        var equal = await Api.ThrowsApiAsync(() => s.Client.BundleOverrides.UpdateAsync(created.Id.ToString(),
            new UpdateBundleOverrideRequest(StartsAt: created.EndsAt), Cancel));
        using var local = await s.Tenant.OwnerHttp.PostAsync("api/v1/bundle_overrides",
            Api.Json($$"""{"name":"q","bundle":"{{bundle}}","starts_at":"2030-01-01T00:00:00"}"""), Cancel);
        var both = await Api.ThrowsApiAsync(() => s.Client.BundleOverrides.UpdateAsync(created.Id.ToString(),
            new UpdateBundleOverrideRequest(EndsAt: Now.AddDays(3), ClearEndsAt: true), Cancel));

        Assert.Equal(["ends_at"], backwards.Problem!.Errors!.Keys);
        Assert.Equal(["ends_at"], equal.Problem!.Errors!.Keys);
        Assert.Equal(["starts_at"], (await local.ProblemAsync()).Errors!.Keys);
        Assert.Equal(["clear_ends_at"], both.Problem!.Errors!.Keys);
        Assert.Equal(created, await s.Client.BundleOverrides.GetAsync(created.Id.ToString(), Cancel));
    }

    [Fact]
    public async Task Override_OfAnUndeliverableOrUnknownBundle_IsRefused()
    {
        var s = await ReleaseScenario.StartAsync(fixture);
        var binary = await FirmwareBuilder.SignedAsync(s.Client, FirmwareBuilder.Bytes(1300));
        var bundle = await s.Client.Bundles.CreateAsync(new CreateBundleRequest([new BundleEntryRequest(binary.Id.ToString())]), cancellationToken: Cancel);
        await s.Client.Binaries.UpdateAsync(binary.Id.ToString(), new UpdateBinaryRequest(State: "destroyed"), Cancel);

        var destroyed = await Api.ThrowsApiAsync(() => s.Client.BundleOverrides.CreateAsync(
            new CreateBundleOverrideRequest("o", bundle.Id.ToString(), Now), cancellationToken: Cancel));
        var unknown = await Api.ThrowsApiAsync(() => s.Client.BundleOverrides.CreateAsync(
            new CreateBundleOverrideRequest("o", Guid.CreateVersion7().ToString(), Now), cancellationToken: Cancel));

        Assert.Equal((HttpStatusCode.UnprocessableEntity, ErrorCodes.BundleNotDeliverable), (destroyed.Status, destroyed.Code));
        Assert.Equal(["bundle"], unknown.Problem!.Errors!.Keys);
    }

    [Fact]
    public async Task Devices_AddTwice_IsIdempotent_ListPagesAndRemoveWorks()
    {
        var s = await ReleaseScenario.StartAsync(fixture);
        var created = await s.Client.BundleOverrides.CreateAsync(new CreateBundleOverrideRequest("o", (await s.BundleAsync()).ToString(), Now), cancellationToken: Cancel);
        var devices = new List<DeviceResponse>();
        for (var i = 0; i < 3; i++)
        {
            devices.Add(await s.DeviceAsync($"dev-{i}"));
        }

        var first = await s.Client.BundleOverrides.AddDevicesAsync(created.Id.ToString(),
            new AddBundleOverrideDevicesRequest([devices[0].Id.ToString(), devices[1].Hrn, devices[0].Hrn]), Cancel);
        var second = await s.Client.BundleOverrides.AddDevicesAsync(created.Id.ToString(),
            new AddBundleOverrideDevicesRequest([devices[1].Id.ToString(), devices[2].Id.ToString()]), Cancel);
        var page1 = await s.Client.BundleOverrides.ListDevicesAsync(created.Id.ToString(), new ListOptions(Limit: 2), Cancel);
        var page2 = await s.Client.BundleOverrides.ListDevicesAsync(created.Id.ToString(), new ListOptions(Limit: 2, Page: page1.NextPage), Cancel);
        await s.Client.BundleOverrides.RemoveDeviceAsync(created.Id.ToString(), devices[1].Hrn, Cancel);
        var missing = await Api.ThrowsApiAsync(() => s.Client.BundleOverrides.RemoveDeviceAsync(created.Id.ToString(), devices[1].Id.ToString(), Cancel));

        Assert.Equal((2, 0, 2), (first.Added, first.AlreadyPresent, first.DeviceCount));
        Assert.Equal((1, 1, 3), (second.Added, second.AlreadyPresent, second.DeviceCount));
        Assert.Equal(devices.Select(d => d.Identifier), page1.Data.Concat(page2.Data).Select(d => d.Identifier));
        Assert.Null(page2.NextPage);
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Equal(2, (await s.Client.BundleOverrides.GetAsync(created.Id.ToString(), Cancel)).DeviceCount);
    }

    [Fact]
    public async Task Devices_UnknownOrTooMany_AreValidationFailed_AndNothingIsAdded()
    {
        var s = await ReleaseScenario.StartAsync(fixture);
        var created = await s.Client.BundleOverrides.CreateAsync(new CreateBundleOverrideRequest("o", (await s.BundleAsync()).ToString(), Now), cancellationToken: Cancel);
        var device = await s.DeviceAsync("dev-0");

        var unknown = await Api.ThrowsApiAsync(() => s.Client.BundleOverrides.AddDevicesAsync(created.Id.ToString(),
            new AddBundleOverrideDevicesRequest([device.Id.ToString(), "garbage", Guid.CreateVersion7().ToString()]), Cancel));
        var tooMany = await Api.ThrowsApiAsync(() => s.Client.BundleOverrides.AddDevicesAsync(created.Id.ToString(),
            new AddBundleOverrideDevicesRequest([.. Enumerable.Range(0, 1001).Select(_ => device.Id.ToString())]), Cancel));
        var none = await Api.ThrowsApiAsync(() => s.Client.BundleOverrides.AddDevicesAsync(created.Id.ToString(), new AddBundleOverrideDevicesRequest([]), Cancel));

        Assert.Equal(["devices[1]", "devices[2]"], unknown.Problem!.Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["devices"], tooMany.Problem!.Errors!.Keys);
        Assert.Equal(["devices"], none.Problem!.Errors!.Keys);
        Assert.Empty((await s.Client.BundleOverrides.ListDevicesAsync(created.Id.ToString(), cancellationToken: Cancel)).Data);
    }

    [Fact]
    public async Task Devices_OfAnotherOrganization_CannotBeAddedOrRemoved()
    {
        var a = await ReleaseScenario.StartAsync(fixture);
        var b = await ReleaseScenario.StartAsync(fixture);
        var created = await a.Client.BundleOverrides.CreateAsync(new CreateBundleOverrideRequest("o", (await a.BundleAsync()).ToString(), Now), cancellationToken: Cancel);
        var foreign = await b.DeviceAsync("b-device");

        var add = await Api.ThrowsApiAsync(() => a.Client.BundleOverrides.AddDevicesAsync(created.Id.ToString(),
            new AddBundleOverrideDevicesRequest([foreign.Id.ToString(), foreign.Hrn]), Cancel));
        var remove = await Api.ThrowsApiAsync(() => a.Client.BundleOverrides.RemoveDeviceAsync(created.Id.ToString(), foreign.Id.ToString(), Cancel));

        Assert.Equal(["devices[0]", "devices[1]"], add.Problem!.Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, remove.Status);
    }

    [Fact]
    public async Task Delete_TakesItsDeviceListWithIt_AndTheBundleCanThenBeDeleted()
    {
        var s = await ReleaseScenario.StartAsync(fixture);
        var bundle = await s.BundleAsync();
        var created = await s.Client.BundleOverrides.CreateAsync(new CreateBundleOverrideRequest("o", bundle.ToString(), Now), cancellationToken: Cancel);
        var device = await s.DeviceAsync("dev-0");
        await s.Client.BundleOverrides.AddDevicesAsync(created.Id.ToString(), new AddBundleOverrideDevicesRequest([device.Id.ToString()]), Cancel);

        var inUse = await Api.ThrowsApiAsync(() => s.Client.Bundles.DeleteAsync(bundle.ToString(), Cancel));
        await s.Client.BundleOverrides.DeleteAsync(created.Id.ToString(), Cancel);
        await s.Client.Bundles.DeleteAsync(bundle.ToString(), Cancel);

        Assert.Equal(ErrorCodes.InUse, inUse.Code);
        Assert.Equal("dev-0", (await s.Client.Devices.GetAsync(device.Id.ToString(), Cancel)).Identifier);
    }

    public sealed class OnSqlite(SqliteServer fixture) : BundleOverrideTests(fixture);

    public sealed class OnPostgres(PostgresServer fixture) : BundleOverrideTests(fixture);
}
