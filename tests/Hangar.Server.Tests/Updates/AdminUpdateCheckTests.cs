using Hangar.Client;
using Hangar.Contracts.Updates;
using Hangar.Core.Access;
using Hangar.Server.Tests.Fixtures;

namespace Hangar.Server.Tests.Updates;

/// <summary>The update check through the Admin API, for back ends acting for a device.</summary>
public abstract class AdminUpdateCheckTests(ClockServer fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DryRun_AnswersLikeTheDevice_AndRecordsNothing()
    {
        var fleet = await UpdateFleet.CreateAsync(fixture);
        var first = await fleet.ReleaseAsync("r1", await fleet.BundleAsync(), version: "1.0.0");
        var phased = await fleet.ReleaseAsync("r2", await fleet.BundleAsync(), phaseValue: 2m);
        using var device = await fleet.DeviceAsync("gw-1");

        var answer = await fleet.Tenant.Owner.Devices.GetUpdateAsync(device.Id, new AdminUpdateCheckRequest(first.Id.ToString(), null, "1.0.0"), Cancel);

        Assert.Equal(phased.Id, answer.Release!.Id);
        Assert.StartsWith(fixture.Server.AdminBaseAddress.ToString().TrimEnd('/') + "/api/v1/binary_downloads/", answer.Manifest[0].Url, StringComparison.Ordinal);
        Assert.StartsWith("/device/v1/binary_downloads/", answer.Manifest[0].DevicePath, StringComparison.Ordinal);
        var recorded = await fleet.Tenant.Owner.Devices.GetAsync(device.Id, Cancel);
        Assert.Null(recorded.ReportedReleaseId);
        Assert.Null(recorded.ReportedReleaseVersion);
        var types = (await fleet.Tenant.Owner.Events.ListAsync(new ListOptions(Search: $"resource_id:'{device.Id}'"), Cancel)).Data.Select(e => e.Type);
        Assert.Equal(["device.created"], types);
    }

    [Fact]
    public async Task Write_RecordsTheReportedStateAndTheOffer()
    {
        var fleet = await UpdateFleet.CreateAsync(fixture);
        var first = await fleet.ReleaseAsync("r1", await fleet.BundleAsync(), version: "1.0.0");
        var latest = await fleet.ReleaseAsync("r2", await fleet.BundleAsync());
        using var device = await fleet.DeviceAsync("gw-1");

        var answer = await fleet.Tenant.Owner.Devices.GetUpdateAsync(device.Id, new AdminUpdateCheckRequest(first.Id.ToString(), null, "1.0.0", Write: true), Cancel);

        Assert.Equal(latest.Id, answer.Release!.Id);
        Assert.Equal(first.Id, (await fleet.Tenant.Owner.Devices.GetAsync(device.Id, Cancel)).ReportedReleaseId);
        var types = (await fleet.Tenant.Owner.Events.ListAsync(new ListOptions(Search: $"resource_id:'{device.Id}'"), Cancel)).Data.Select(e => e.Type).ToList();
        Assert.Contains("device.release_changed", types);
        Assert.Contains("device.checked_for_release", types);
        Assert.Single((await fleet.Tenant.Owner.Audit.ListAsync(new ListOptions(Search: "action:'device.check_update'"), Cancel)).Data);
    }

    [Fact]
    public async Task NothingReported_Is400()
    {
        var fleet = await UpdateFleet.CreateAsync(fixture);
        using var device = await fleet.DeviceAsync("gw-1");

        var error = await Api.ThrowsApiAsync(() => fleet.Tenant.Owner.Devices.GetUpdateAsync(device.Id, new AdminUpdateCheckRequest(null, null, null), Cancel));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.Status);
        Assert.Equal("validation_failed", error.Code);
    }

    [Fact]
    public async Task Viewer_IsForbidden()
    {
        var fleet = await UpdateFleet.CreateAsync(fixture);
        using var device = await fleet.DeviceAsync("gw-1");
        var viewer = await fleet.Tenant.ClientAsync(Role.Viewer);

        var error = await Api.ThrowsApiAsync(() => viewer.Devices.GetUpdateAsync(device.Id, new AdminUpdateCheckRequest(null, null, "1.0.0"), Cancel));

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, error.Status);
    }

    public sealed class OnSqlite(ClockSqliteServer fixture) : AdminUpdateCheckTests(fixture), IClassFixture<ClockSqliteServer>;

    public sealed class OnPostgres(ClockPostgresServer fixture) : AdminUpdateCheckTests(fixture), IClassFixture<ClockPostgresServer>;
}
