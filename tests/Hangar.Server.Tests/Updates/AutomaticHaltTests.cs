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
        // The halt aborted the updates not yet installing: the device is told so whatever it reports.
        using var outcome = await UpdateFleet.ReportAsync(devices[4], "failed", risky.Id, reason: "stopped");
        Assert.Equal("update_aborted", (await outcome.ProblemAsync()).Code);
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

        // Once halted, the updates not reported on yet are aborted, so their failures are answered update_aborted.
        var reports = await Task.WhenAll(devices.Select(d => UpdateFleet.ReportAsync(d, "failed", risky.Id)));

        Assert.All(reports, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{r.StatusCode}"));
        Assert.Contains(reports, r => r.StatusCode == HttpStatusCode.OK);
        Array.ForEach(reports, r => r.Dispose());
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

    [Fact]
    public async Task RetryableFailure_FollowedByACommit_NeverHalts()
    {
        var (fleet, release, devices) = await StrictPolicyAsync(1);

        using var interrupted = await UpdateFleet.ReportAsync(devices[0], "failed", release.Id, reason: "interrupted by a restart", retryable: true);
        Assert.Null(await HaltedAtAsync(fleet, release.Id));
        await UpdateFleet.WalkAsync(devices[0], release.Id, "downloading", "installing", "installed", "committed");

        Assert.Equal(HttpStatusCode.OK, interrupted.StatusCode);
        Assert.Null(await HaltedAtAsync(fleet, release.Id));
        var stats = await fleet.Tenant.Owner.Releases.StatsAsync(release.Id.ToString(), Cancel);
        Assert.Equal((1, 0m, 0, 0), (stats.Finished, stats.FailureRate, stats.Retrying, stats.States["failed"]));
    }

    [Fact]
    public async Task TerminalFailure_Halts()
    {
        var (fleet, release, devices) = await StrictPolicyAsync(1);

        await UpdateFleet.WalkAsync(devices[0], release.Id, "downloading", "failed");

        Assert.NotNull(await HaltedAtAsync(fleet, release.Id));
    }

    [Fact]
    public async Task RetryableFailure_NotRetriedWithinTheWindow_BecomesTerminal_AndHaltsOnTheNextReport()
    {
        var (fleet, release, devices) = await StrictPolicyAsync(2);
        using var interrupted = await UpdateFleet.ReportAsync(devices[0], "failed", release.Id, reason: "interrupted by a restart", retryable: true);
        var waiting = await fleet.Tenant.Owner.Releases.StatsAsync(release.Id.ToString(), Cancel);

        fixture.Time.Advance(TimeSpan.FromMinutes(31));
        var expired = await fleet.Tenant.Owner.Releases.StatsAsync(release.Id.ToString(), Cancel);
        Assert.Null(await HaltedAtAsync(fleet, release.Id));
        await UpdateFleet.WalkAsync(devices[1], release.Id, "downloading");

        Assert.Equal((0, null, 1, 1), (waiting.Finished, waiting.FailureRate, waiting.Retrying, waiting.States["failed"]));
        Assert.Equal((1, 1m, 0), (expired.Finished, expired.FailureRate, expired.Retrying));
        Assert.NotNull(await HaltedAtAsync(fleet, release.Id));
    }

    /// <summary>A release that halts at the first terminal failure (rate 0.5, one device), offered to <paramref name="count"/> devices.</summary>
    private async Task<(UpdateFleet Fleet, Contracts.Releases.ReleaseResponse Release, FleetDevice[] Devices)> StrictPolicyAsync(int count)
    {
        var fleet = await UpdateFleet.CreateAsync(fixture);
        var first = await fleet.ReleaseAsync("r1", await fleet.BundleAsync());
        var release = await fleet.ReleaseAsync("r2", await fleet.BundleAsync(), haltFailureRate: 0.5m, haltMinimumDevices: 1);
        return (fleet, release, await OfferedAsync(fleet, first.Id, count));
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
        db.Tenant.Set(fleet.Tenant.OrganizationId);
        return await db.Releases.Where(r => r.Id == releaseId).Select(r => r.HaltedAt).SingleAsync(Cancel);
    }


    public sealed class OnSqlite(ClockSqliteServer fixture) : AutomaticHaltTests(fixture), IClassFixture<ClockSqliteServer>;

    public sealed class OnPostgres(ClockPostgresServer fixture) : AutomaticHaltTests(fixture), IClassFixture<ClockPostgresServer>;
}
