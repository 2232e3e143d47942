using System.Net;
using System.Net.Http.Json;
using Hangar.Client;
using Hangar.Contracts.Releases;
using Hangar.Contracts.Updates;
using Hangar.Server.Tests.Fixtures;

namespace Hangar.Server.Tests.Updates;

/// <summary>
/// The terminal state <c>aborted</c>: a halt or a rollback stops every update of the release that has not begun
/// installing (one event each), the device is told <c>update_aborted</c> when it reports on one, installs under way
/// report their end, and a device may report <c>aborted</c> itself.
/// </summary>
public abstract class UpdateAbortTests(ClockServer fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Halt_AbortsUpdatesNotYetInstalling_WithTheReason_AndOneEventEach()
    {
        var (fleet, release, devices) = await InFlightAsync();

        await fleet.Tenant.Owner.Releases.HaltAsync(release.Id.ToString(), new HaltReleaseRequest("bricks the modem"), Cancel);

        Assert.Equal(["aborted", "aborted", "aborted", "installing", "installed"], await StatesAsync(fleet, devices));
        var update = (await fleet.Tenant.Owner.Devices.ListUpdatesAsync(devices[1].Id, cancellationToken: Cancel)).Data.Single();
        Assert.Equal("the release was halted: bricks the modem", update.Reason);
        Assert.NotNull(update.FinishedAt);
        var aborts = (await fleet.EventsAsync("update.status_changed")).Where(e => e.Data.GetProperty("to").GetString() == "aborted").ToList();
        Assert.Equal(["downloaded", "downloading", "offered"], aborts.Select(e => e.Data.GetProperty("from").GetString()).Order());
        Assert.All(aborts, e => Assert.Equal("the release was halted: bricks the modem", e.Data.GetProperty("reason").GetString()));
        var stats = await fleet.Tenant.Owner.Releases.StatsAsync(release.Id.ToString(), Cancel);
        Assert.Equal(3, stats.States["aborted"]);
        Assert.Equal(0, stats.States["downloading"]);
        Assert.Equal(0, stats.Finished);
    }

    [Fact]
    public async Task ReportOnAnAbortedUpdate_Is409UpdateAborted_WhileTheInstallUnderWayEnds()
    {
        var (fleet, release, devices) = await InFlightAsync();
        await fleet.Tenant.Owner.Releases.HaltAsync(release.Id.ToString(), new HaltReleaseRequest("bricks the modem"), Cancel);

        using var progress = await UpdateFleet.ReportAsync(devices[1], "downloaded", release.Id);
        using var outcome = await UpdateFleet.ReportAsync(devices[2], "failed", release.Id, reason: "checksum");
        var problem = await progress.ProblemAsync();

        Assert.Equal(HttpStatusCode.Conflict, progress.StatusCode);
        Assert.Equal("update_aborted", problem.Code);
        Assert.Contains("bricks the modem", problem.Detail, StringComparison.Ordinal);
        Assert.Equal("update_aborted", (await outcome.ProblemAsync()).Code);
        await UpdateFleet.WalkAsync(devices[3], release.Id, "installing", "installed", "committed");
        await UpdateFleet.WalkAsync(devices[4], release.Id, "rolled_back");
        Assert.Equal(["aborted", "aborted", "aborted", "committed", "rolled_back"], await StatesAsync(fleet, devices));
    }

    [Fact]
    public async Task DeviceConfirmingTheAbort_IsAcceptedOnce_AndKeepsTheServersReason()
    {
        var (fleet, release, devices) = await InFlightAsync();
        await fleet.Tenant.Owner.Releases.HaltAsync(release.Id.ToString(), new HaltReleaseRequest("bricks the modem"), Cancel);
        var reportId = Guid.CreateVersion7();

        using var confirm = await UpdateFleet.ReportAsync(devices[1], "aborted", release.Id, reportId: reportId, reason: "told to stop");
        using var again = await UpdateFleet.ReportAsync(devices[1], "aborted", release.Id, reportId: reportId, reason: "told to stop");

        var first = (await confirm.Content.ReadFromJsonAsync<DeviceUpdateResponse>(ApiTransport.JsonOptions, Cancel))!;
        Assert.Equal(("aborted", false), (first.State, first.Duplicate));
        Assert.Equal("the release was halted: bricks the modem", first.Reason);
        Assert.True((await again.Content.ReadFromJsonAsync<DeviceUpdateResponse>(ApiTransport.JsonOptions, Cancel))!.Duplicate);
        Assert.Equal(3, (await fleet.EventsAsync("update.status_changed")).Count(e => e.Data.GetProperty("to").GetString() == "aborted"));
    }

    [Fact]
    public async Task DeviceStoppingByItself_ReportsAborted_AndMayStartANewAttemptLater()
    {
        var (fleet, release, devices) = await InFlightAsync();

        await UpdateFleet.WalkAsync(devices[1], release.Id, "aborted");
        using var retry = await UpdateFleet.ReportAsync(devices[1], "downloading", release.Id);

        var update = (await retry.Content.ReadFromJsonAsync<DeviceUpdateResponse>(ApiTransport.JsonOptions, Cancel))!;
        Assert.Equal(("downloading", 2), (update.State, update.Attempt));
        var transitions = (await fleet.EventsAsync("update.status_changed")).Where(e => e.ResourceId == devices[1].Device.Id)
            .Select(e => $"{e.Data.GetProperty("from").GetString()}>{e.Data.GetProperty("to").GetString()}").ToList();
        Assert.Contains("downloading>aborted", transitions);
        Assert.Contains("aborted>downloading", transitions);
    }

    [Fact]
    public async Task AfterResume_AnAbortedUpdateStartsANewAttempt()
    {
        var (fleet, release, devices) = await InFlightAsync();
        await fleet.Tenant.Owner.Releases.HaltAsync(release.Id.ToString(), new HaltReleaseRequest("bricks the modem"), Cancel);
        using var refused = await UpdateFleet.ReportAsync(devices[1], "downloading", release.Id);
        await fleet.Tenant.Owner.Releases.ResumeAsync(release.Id.ToString(), Cancel);

        using var retry = await UpdateFleet.ReportAsync(devices[1], "downloading", release.Id);

        Assert.Equal("update_aborted", (await refused.ProblemAsync()).Code);
        var update = (await retry.Content.ReadFromJsonAsync<DeviceUpdateResponse>(ApiTransport.JsonOptions, Cancel))!;
        Assert.Equal(("downloading", 2, null), (update.State, update.Attempt, update.Reason));
    }

    [Fact]
    public async Task Rollback_AbortsUpdatesNotYetInstalling_WithTheRollbackReason()
    {
        var (fleet, release, devices) = await InFlightAsync();

        await fleet.Tenant.Owner.Releases.RollbackAsync(release.Id.ToString(), new RollbackReleaseRequest("boot loops"), cancellationToken: Cancel);
        using var progress = await UpdateFleet.ReportAsync(devices[0], "downloading", release.Id);

        Assert.Equal(["aborted", "aborted", "aborted", "installing", "installed"], await StatesAsync(fleet, devices));
        Assert.Equal("update_aborted", (await progress.ProblemAsync()).Code);
        var update = (await fleet.Tenant.Owner.Devices.ListUpdatesAsync(devices[0].Id, cancellationToken: Cancel)).Data.Single(u => u.ReleaseId == release.Id);
        Assert.Equal("the release was rolled back: boot loops", update.Reason);
        Assert.Equal(3, (await fleet.EventsAsync("update.status_changed")).Count(e => e.Data.GetProperty("to").GetString() == "aborted"));
    }

    /// <summary>Five devices offered the latest release: not reported yet, downloading, downloaded, installing, installed.</summary>
    private async Task<(UpdateFleet Fleet, ReleaseResponse Release, FleetDevice[] Devices)> InFlightAsync()
    {
        var fleet = await UpdateFleet.CreateAsync(fixture);
        var first = await fleet.ReleaseAsync("r1", await fleet.BundleAsync());
        var release = await fleet.ReleaseAsync("r2", await fleet.BundleAsync());
        var devices = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => fleet.DeviceAsync($"gw-{i}")));
        string[][] walks = [[], ["downloading"], ["downloading", "downloaded"], ["downloading", "downloaded", "installing"], ["downloading", "installing", "installed"]];
        for (var i = 0; i < devices.Length; i++)
        {
            Assert.Equal(release.Id, (await UpdateFleet.CheckAsync(devices[i], release: first.Id.ToString())).Release!.Id);
            await UpdateFleet.WalkAsync(devices[i], release.Id, walks[i]);
        }

        return (fleet, release, devices);
    }

    private static async Task<string[]> StatesAsync(UpdateFleet fleet, FleetDevice[] devices)
    {
        var states = new List<string>();
        foreach (var device in devices)
        {
            states.Add((await fleet.Tenant.Owner.Devices.ListUpdatesAsync(device.Id, cancellationToken: Cancel)).Data.Single().State);
        }

        return [.. states];
    }

    public sealed class OnSqlite(ClockSqliteServer fixture) : UpdateAbortTests(fixture), IClassFixture<ClockSqliteServer>;

    public sealed class OnPostgres(ClockPostgresServer fixture) : UpdateAbortTests(fixture), IClassFixture<ClockPostgresServer>;
}
