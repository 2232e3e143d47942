using System.Net;
using Hangar.Server.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hangar.Server.Tests.Updates;

/// <summary>
/// Rollout safety through the update check: the failure policy halts a release once, devices stop being offered it
/// and progress on it is refused; a rollback takes devices that took a release back to the previous bundle.
/// </summary>
public abstract class AutomaticHaltTests(ClockServer fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CrossingTheThreshold_HaltsTheRelease_AndStopsOfferingIt()
    {
        var fleet = await UpdateFleet.CreateAsync(fixture);
        var first = await fleet.ReleaseAsync("r1", await fleet.BundleAsync());
        var risky = await fleet.ReleaseAsync("r2", await fleet.BundleAsync(), haltFailureRate: 0.5m, haltMinimumDevices: 3);
        var devices = await OfferedAsync(fleet, first.Id, 5);

        await UpdateFleet.WalkAsync(devices[0], risky.Id, "downloading", "failed");
        await UpdateFleet.WalkAsync(devices[1], risky.Id, "downloading", "installed", "committed");
        Assert.Null(await HaltedAtAsync(fleet, risky.Id));
        await UpdateFleet.WalkAsync(devices[2], risky.Id, "downloading", "installed", "rolled_back");

        Assert.NotNull(await HaltedAtAsync(fleet, risky.Id));
        var halted = Assert.Single(await fleet.EventsAsync("release.halted"));
        Assert.True(halted.Data.GetProperty("automatic").GetBoolean());
        Assert.Contains("2 of 3", halted.Data.GetProperty("reason").GetString(), StringComparison.Ordinal);
        using var progress = await UpdateFleet.ReportAsync(devices[3], "downloading", risky.Id);
        Assert.Equal(HttpStatusCode.Conflict, progress.StatusCode);
        Assert.Equal("update_aborted", (await progress.ProblemAsync()).Code);
        using var outcome = await UpdateFleet.ReportAsync(devices[4], "failed", risky.Id, reason: "stopped");
        Assert.Equal(HttpStatusCode.OK, outcome.StatusCode);
        Assert.Equal("no_update", (await UpdateFleet.CheckAsync(devices[3], release: first.Id.ToString())).Status);
        Assert.Single(await fleet.EventsAsync("release.halted"));
    }

    [Fact]
    public async Task Rollback_TakesDevicesThatTookTheReleaseBack_AndLeavesTheOthersAlone()
    {
        var fleet = await UpdateFleet.CreateAsync(fixture);
        var previousBundle = await fleet.BundleAsync();
        var previous = await fleet.ReleaseAsync("r1", previousBundle, version: "1.0.0");
        var bad = await fleet.ReleaseAsync("r2", await fleet.BundleAsync(), version: "2.0.0");
        var devices = await OfferedAsync(fleet, previous.Id, 2);
        await UpdateFleet.WalkAsync(devices[0], bad.Id, "downloading", "installed", "committed");

        var rollback = await fleet.Tenant.Owner.Releases.RollbackAsync(bad.Id.ToString(), new Contracts.Releases.RollbackReleaseRequest("boot loops"), cancellationToken: Cancel);
        var tookIt = await UpdateFleet.CheckAsync(devices[0], release: bad.Id.ToString(), bundle: bad.BundleId.ToString(), version: "2.0.0");
        var stayed = await UpdateFleet.CheckAsync(devices[1], release: previous.Id.ToString(), bundle: previousBundle.Id.ToString(), version: "1.0.0");

        Assert.Equal(rollback.Id, tookIt.Release!.Id);
        Assert.Equal(previousBundle.Id, tookIt.Bundle!.Id);
        Assert.Equal("no_update", stayed.Status);
        using var progress = await UpdateFleet.ReportAsync(devices[1], "downloading", bad.Id);
        Assert.Equal("update_aborted", (await progress.ProblemAsync()).Code);
    }

    [Fact]
    public async Task ConcurrentFailures_HaltOnce()
    {
        var fleet = await UpdateFleet.CreateAsync(fixture);
        var first = await fleet.ReleaseAsync("r1", await fleet.BundleAsync());
        var risky = await fleet.ReleaseAsync("r2", await fleet.BundleAsync(), haltFailureRate: 0.1m, haltMinimumDevices: 2);
        var devices = await OfferedAsync(fleet, first.Id, 12);

        await Task.WhenAll(devices.Select(d => UpdateFleet.WalkAsync(d, risky.Id, "failed")));

        Assert.Single(await fleet.EventsAsync("release.halted"));
    }

    [Fact]
    public async Task WithoutAPolicy_FailuresNeverHalt()
    {
        var fleet = await UpdateFleet.CreateAsync(fixture);
        var first = await fleet.ReleaseAsync("r1", await fleet.BundleAsync());
        var release = await fleet.ReleaseAsync("r2", await fleet.BundleAsync());
        var devices = await OfferedAsync(fleet, first.Id, 3);

        foreach (var device in devices)
        {
            await UpdateFleet.WalkAsync(device, release.Id, "failed");
        }

        Assert.Null(await HaltedAtAsync(fleet, release.Id));
    }

    private static async Task<FleetDevice[]> OfferedAsync(UpdateFleet fleet, Guid from, int count)
    {
        var devices = await Task.WhenAll(Enumerable.Range(0, count).Select(i => fleet.DeviceAsync($"gw-{i}")));
        foreach (var device in devices)
        {
            Assert.Equal("update", (await UpdateFleet.CheckAsync(device, release: from.ToString())).Status);
        }

        return devices;
    }

    private async Task<DateTime?> HaltedAtAsync(UpdateFleet fleet, Guid releaseId)
    {
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.HangarDbContext>();
        db.CurrentOrganizationId = fleet.Tenant.OrganizationId;
        return await db.Releases.Where(r => r.Id == releaseId).Select(r => r.HaltedAt).SingleAsync(Cancel);
    }


    public sealed class OnSqlite(ClockSqliteServer fixture) : AutomaticHaltTests(fixture), IClassFixture<ClockSqliteServer>;

    public sealed class OnPostgres(ClockPostgresServer fixture) : AutomaticHaltTests(fixture), IClassFixture<ClockPostgresServer>;
}
