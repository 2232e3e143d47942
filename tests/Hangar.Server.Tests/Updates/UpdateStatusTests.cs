using System.Net;
using System.Net.Http.Json;
using Hangar.Client;
using Hangar.Contracts.Updates;
using Hangar.Server.Tests.Fixtures;

namespace Hangar.Server.Tests.Updates;

/// <summary>Status reports: the state machine, idempotent report ids, what a commit records, and the failure policy halting a release.</summary>
public abstract class UpdateStatusTests(ClockServer fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FullUpdate_ToCommitted_EmitsOneEventPerTransition_AndRecordsWhatTheDeviceRuns()
    {
        var (fleet, _, latest, device) = await OfferedAsync();

        await UpdateFleet.WalkAsync(device, latest.Id, "downloading", "downloaded", "installing", "installed", "committed");

        var changes = await fleet.EventsAsync("update.status_changed");
        // The fake clock stands still, so event ids share a timestamp: compare the transitions as a set.
        Assert.Equal(
            new[] { "offered>downloading", "downloading>downloaded", "downloaded>installing", "installing>installed", "installed>committed" }.Order(),
            changes.Select(e => $"{e.Data.GetProperty("from").GetString()}>{e.Data.GetProperty("to").GetString()}").Order());
        var recorded = await fleet.Tenant.Owner.Devices.GetAsync(device.Id, Cancel);
        Assert.Equal(latest.Id, recorded.ReportedReleaseId);
        Assert.Equal(latest.BundleId, recorded.ReportedBundleId);
        Assert.Equal("2.0.0", recorded.ReportedReleaseVersion);
        Assert.Equal("no_update", (await UpdateFleet.CheckAsync(device)).Status);
    }

    [Fact]
    public async Task RepeatedReportId_IsANoOp_AndReusingItForAnotherReportIs409()
    {
        var (fleet, _, latest, device) = await OfferedAsync();
        var reportId = Guid.CreateVersion7();

        using var once = await UpdateFleet.ReportAsync(device, "downloading", latest.Id, reportId: reportId, progress: 10);
        using var twice = await UpdateFleet.ReportAsync(device, "downloading", latest.Id, reportId: reportId, progress: 10);
        using var reused = await UpdateFleet.ReportAsync(device, "downloaded", latest.Id, reportId: reportId);

        Assert.False((await once.Content.ReadFromJsonAsync<DeviceUpdateResponse>(ApiTransport.JsonOptions, Cancel))!.Duplicate);
        var repeat = (await twice.Content.ReadFromJsonAsync<DeviceUpdateResponse>(ApiTransport.JsonOptions, Cancel))!;
        Assert.True(repeat.Duplicate);
        Assert.Equal("downloading", repeat.State);
        Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);
        Assert.Equal("report_id_reused", (await reused.ProblemAsync()).Code);
        Assert.Single(await fleet.EventsAsync("update.status_changed"));
    }

    [Theory]
    [InlineData(new[] { "downloading", "installed" }, "downloaded")]
    [InlineData(new[] { "downloading", "downloaded", "installing", "installed", "committed" }, "failed")]
    [InlineData(new[] { "downloading" }, "rolled_back")]
    [InlineData(new[] { "downloading", "failed" }, "installed")]
    public async Task GoingBackwards_Is409AndChangesNothing(string[] before, string state)
    {
        var (fleet, _, latest, device) = await OfferedAsync();
        await UpdateFleet.WalkAsync(device, latest.Id, before);

        using var response = await UpdateFleet.ReportAsync(device, state, latest.Id);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("update_transition_invalid", (await response.ProblemAsync()).Code);
        Assert.Equal(before.Length, (await fleet.EventsAsync("update.status_changed")).Count);
    }

    [Fact]
    public async Task AfterAFailure_ANewAttemptStartsAtDownloading()
    {
        var (_, _, latest, device) = await OfferedAsync();
        await UpdateFleet.WalkAsync(device, latest.Id, "downloading", "failed");

        using var retry = await UpdateFleet.ReportAsync(device, "downloading", latest.Id);

        var update = (await retry.Content.ReadFromJsonAsync<DeviceUpdateResponse>(ApiTransport.JsonOptions, Cancel))!;
        Assert.Equal(2, update.Attempt);
        Assert.Null(update.Reason);
        Assert.Null(update.FinishedAt);
    }

    [Fact]
    public async Task ReportOnAnUpdateNeverOffered_Is409()
    {
        var (fleet, first, _, device) = await OfferedAsync();
        var other = await UpdateFleet.CreateAsync(fixture);
        var foreign = await other.ReleaseAsync("theirs", await other.BundleAsync());

        using var notOffered = await UpdateFleet.ReportAsync(device, "downloading", first.Id);
        using var foreignRelease = await device.Http.PostAsJsonAsync("device/v1/update/status",
            new UpdateStatusRequest(Guid.CreateVersion7(), "downloading", $"hrn:1:{other.Tenant.OrganizationId}:release:{foreign.Id}"), ApiTransport.JsonOptions, Cancel);

        Assert.Equal("update_not_offered", (await notOffered.ProblemAsync()).Code);
        Assert.Equal("update_not_offered", (await foreignRelease.ProblemAsync()).Code);
        Assert.Empty(await fleet.EventsAsync("update.status_changed"));
    }

    [Theory]
    [InlineData("""{"report_id":"00000000-0000-0000-0000-000000000000","state":"downloading","release":"REL"}""", "report_id")]
    [InlineData("""{"report_id":"01a20a44-4b40-7ef6-910c-53ef47f29dcf","state":"offered","release":"REL"}""", "state")]
    [InlineData("""{"report_id":"01a20a44-4b40-7ef6-910c-53ef47f29dcf","state":"downloading","release":"REL","progress":101}""", "progress")]
    [InlineData("""{"report_id":"01a20a44-4b40-7ef6-910c-53ef47f29dcf","state":"downloading"}""", "release")]
    [InlineData("""{"report_id":"01a20a44-4b40-7ef6-910c-53ef47f29dcf","state":"downloading","release":"nonsense"}""", "release")]
    [InlineData("""{"report_id":"01a20a44-4b40-7ef6-910c-53ef47f29dcf","state":"failed","release":"REL","log_tail":"LONG"}""", "log_tail")]
    [InlineData("""{"report_id":"01a20a44-4b40-7ef6-910c-53ef47f29dcf","state":"installing","release":"REL","retryable":true}""", "retryable")]
    public async Task MalformedReport_Is400(string body, string field)
    {
        var (_, _, latest, device) = await OfferedAsync();
        var json = body.Replace("REL", latest.Id.ToString(), StringComparison.Ordinal).Replace("LONG", new string('x', 5000), StringComparison.Ordinal);

        using var response = await device.Http.PostAsync("device/v1/update/status", Api.Json(json), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ProblemAsync()).Errors!.ContainsKey(field));
    }

    private async Task<(UpdateFleet Fleet, Contracts.Releases.ReleaseResponse First, Contracts.Releases.ReleaseResponse Latest, FleetDevice Device)> OfferedAsync()
    {
        var fleet = await UpdateFleet.CreateAsync(fixture);
        var first = await fleet.ReleaseAsync("r1", await fleet.BundleAsync(), version: "1.0.0");
        var latest = await fleet.ReleaseAsync("r2", await fleet.BundleAsync(), version: "2.0.0");
        var device = await fleet.DeviceAsync("gw-1");
        Assert.Equal(latest.Id, (await UpdateFleet.CheckAsync(device, release: first.Id.ToString())).Release!.Id);
        return (fleet, first, latest, device);
    }


    public sealed class OnSqlite(ClockSqliteServer fixture) : UpdateStatusTests(fixture), IClassFixture<ClockSqliteServer>;

    public sealed class OnPostgres(ClockPostgresServer fixture) : UpdateStatusTests(fixture), IClassFixture<ClockPostgresServer>;
}
