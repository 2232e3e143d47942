using Hangar.Contracts.Releases;
using Hangar.Contracts.Updates;
using Hangar.Server.Tests.Fixtures;

namespace Hangar.Server.Tests.Updates;

/// <summary>
/// After a halted release is rolled back and a newer release follows the rollback, every device reaches the newer
/// release through the update check: devices that never took the bad release, rolled it back themselves, or took it.
/// </summary>
public abstract class RolledBackFleetTests(ServerFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReleaseAfterARollback_ReachesEveryDevice_AndDevicesRunningTheRollbacksBundleAreRecordedOnIt()
    {
        var fleet = await UpdateFleet.CreateAsync(fixture);
        var good = await fleet.ReleaseAsync("v2", await fleet.BundleAsync(), version: "2.0.0");
        var bad = await fleet.ReleaseAsync("v3", await fleet.BundleAsync(), version: "3.0.0");
        FleetDevice[] devices = [await fleet.DeviceAsync("never"), await fleet.DeviceAsync("rolled-back-itself"), await fleet.DeviceAsync("took-it")];
        // What a device on v2 sends, whether it never took v3 or went back to v2 after v3's trial boot failed.
        Task<UpdateCheckResponse> OnGoodAsync(FleetDevice device) =>
            UpdateFleet.CheckAsync(device, release: good.Id.ToString(), bundle: good.BundleId.ToString(), version: "2.0.0");

        foreach (var device in devices)
        {
            Assert.Equal(bad.Id, (await OnGoodAsync(device)).Release!.Id);
        }

        await UpdateFleet.WalkAsync(devices[1], bad.Id, "downloading", "installed", "rolled_back");
        await UpdateFleet.WalkAsync(devices[2], bad.Id, "downloading", "installed", "committed");
        await fleet.Tenant.Owner.Releases.HaltAsync(bad.Id.ToString(), new HaltReleaseRequest("boot loops"), Cancel);
        var rollback = await fleet.Tenant.Owner.Releases.RollbackAsync(bad.Id.ToString(), new RollbackReleaseRequest("boot loops"), cancellationToken: Cancel);
        var next = await fleet.ReleaseAsync("v4", await fleet.BundleAsync(), version: "4.0.0");

        Assert.Equal(next.Id, (await OnGoodAsync(devices[0])).Release!.Id);
        Assert.Equal(next.Id, (await OnGoodAsync(devices[1])).Release!.Id);
        Assert.Equal(next.Id, (await UpdateFleet.CheckAsync(devices[0], bundle: good.BundleId.ToString())).Release!.Id);
        var recorded = await fleet.Tenant.Owner.Devices.GetAsync(devices[1].Id, Cancel);
        Assert.Equal((rollback.Id, good.BundleId), (recorded.ReportedReleaseId, recorded.ReportedBundleId));

        var back = await UpdateFleet.CheckAsync(devices[2], release: bad.Id.ToString(), bundle: bad.BundleId.ToString(), version: "3.0.0");
        Assert.Equal((rollback.Id, good.BundleId), (back.Release!.Id, back.Bundle!.Id));
        await UpdateFleet.WalkAsync(devices[2], rollback.Id, "downloading", "installed", "committed");
        Assert.Equal(next.Id, (await UpdateFleet.CheckAsync(devices[2], release: rollback.Id.ToString(), bundle: good.BundleId.ToString())).Release!.Id);
        Assert.Equal(next.Id, (await UpdateFleet.CheckAsync(devices[2])).Release!.Id);
    }

    [Fact]
    public async Task RollbackAsTheLatest_GivesDevicesRunningItsBundleNothing_AndRecordingThemOnItHappensOnce()
    {
        var fleet = await UpdateFleet.CreateAsync(fixture);
        var good = await fleet.ReleaseAsync("v2", await fleet.BundleAsync(), version: "2.0.0");
        var bad = await fleet.ReleaseAsync("v3", await fleet.BundleAsync(), version: "3.0.0");
        var device = await fleet.DeviceAsync("never");
        Assert.Equal(bad.Id, (await UpdateFleet.CheckAsync(device, release: good.Id.ToString())).Release!.Id);
        var rollback = await fleet.Tenant.Owner.Releases.RollbackAsync(bad.Id.ToString(), new RollbackReleaseRequest("boot loops"), cancellationToken: Cancel);

        var first = await UpdateFleet.CheckAsync(device, release: good.Id.ToString(), bundle: good.BundleId.ToString(), version: "2.0.0");
        var second = await UpdateFleet.CheckAsync(device, release: good.Id.ToString(), bundle: good.BundleId.ToString(), version: "2.0.0");

        Assert.Equal(("no_update", "no_update"), (first.Status, second.Status));
        var changes = (await fleet.EventsAsync("device.release_changed")).Where(e => e.Data.GetProperty("to_release").GetString() == rollback.Id.ToString()).ToList();
        Assert.Single(changes);
        Assert.Equal(rollback.Id, (await fleet.Tenant.Owner.Devices.GetAsync(device.Id, Cancel)).ReportedReleaseId);
    }

    public sealed class OnSqlite(SqliteServer fixture) : RolledBackFleetTests(fixture);

    public sealed class OnPostgres(PostgresServer fixture) : RolledBackFleetTests(fixture);
}
