using Hangar.Client;
using Hangar.Server.Tests.Fixtures;

namespace Hangar.Server.Tests.Updates;

/// <summary>A device's update history through the Admin API: one entry per offered release, its state and failure reason.</summary>
public abstract class DeviceUpdateListTests(ServerFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListUpdates_AfterAFailureAndANewRelease_ShowsEachOfferWithItsStateAndReason()
    {
        var fleet = await UpdateFleet.CreateAsync(fixture);
        var first = await fleet.ReleaseAsync("r1", await fleet.BundleAsync(), version: "1.0.0");
        var second = await fleet.ReleaseAsync("r2", await fleet.BundleAsync(), version: "2.0.0");
        using var device = await fleet.DeviceAsync("gw-history");
        using var other = await fleet.DeviceAsync("gw-other");
        Assert.Equal(second.Id, (await UpdateFleet.CheckAsync(device, release: first.Id.ToString())).Release!.Id);
        Assert.Equal(second.Id, (await UpdateFleet.CheckAsync(other, release: first.Id.ToString())).Release!.Id);
        await UpdateFleet.WalkAsync(device, second.Id, "downloading");
        using (await UpdateFleet.ReportAsync(device, "failed", second.Id, reason: "signature threshold not met"))
        {
        }

        var third = await fleet.ReleaseAsync("r3", await fleet.BundleAsync(), version: "3.0.0");
        Assert.Equal(third.Id, (await UpdateFleet.CheckAsync(device, release: first.Id.ToString())).Release!.Id);

        var updates = await fleet.Tenant.Owner.Devices.ListUpdatesAsync(device.Id, cancellationToken: Cancel);

        Assert.Equal([(second.Id, "failed", "signature threshold not met"), (third.Id, "offered", null)],
            updates.Data.Select(u => (u.ReleaseId!.Value, u.State, u.Reason)));
        Assert.All(updates.Data, u => Assert.Equal(device.Device.Id, u.DeviceId));
        var failed = await fleet.Tenant.Owner.Devices.ListUpdatesAsync(device.Id, new ListOptions(Search: "state:'failed'"), Cancel);
        Assert.Equal(second.Id, Assert.Single(failed.Data).ReleaseId);
        var newest = await fleet.Tenant.Owner.Devices.ListUpdatesAsync(device.Device.Hrn, new ListOptions(Limit: 1, Order: "desc"), Cancel);
        Assert.Equal(third.Id, Assert.Single(newest.Data).ReleaseId);
    }

    [Fact]
    public async Task ListUpdates_BadSearchOrUnknownDevice_AreClearErrors()
    {
        var fleet = await UpdateFleet.CreateAsync(fixture);
        using var device = await fleet.DeviceAsync("gw-errors");

        var badField = await Api.ThrowsApiAsync(() => fleet.Tenant.Owner.Devices.ListUpdatesAsync(device.Id, new ListOptions(Search: "colour:'red'"), Cancel));
        var unknown = await Api.ThrowsApiAsync(() => fleet.Tenant.Owner.Devices.ListUpdatesAsync(Guid.CreateVersion7().ToString(), cancellationToken: Cancel));

        Assert.Equal((400, "invalid_search"), ((int)badField.Status, badField.Code));
        Assert.Equal((404, "not_found"), ((int)unknown.Status, unknown.Code));
    }

    public sealed class OnSqlite(SqliteServer fixture) : DeviceUpdateListTests(fixture), IClassFixture<SqliteServer>;

    public sealed class OnPostgres(PostgresServer fixture) : DeviceUpdateListTests(fixture), IClassFixture<PostgresServer>;
}
