using System.Net;
using Hangar.Server.Tests.Fixtures;

namespace Hangar.Server.Tests.Updates;

/// <summary>The device update check over mutual TLS: resolution through the graph, the manifest, recording what devices report, ETags.</summary>
public abstract class UpdateCheckTests(ClockServer fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Check_FromFirstRelease_OffersTheLatestWithAManifestThatDownloads()
    {
        var fleet = await UpdateFleet.CreateAsync(fixture);
        var first = await fleet.ReleaseAsync("r1", await fleet.BundleAsync(), version: "1.0.0");
        await fleet.ReleaseAsync("r2", await fleet.BundleAsync(), version: "1.1.0");
        var latestBundle = await fleet.BundleAsync(4096);
        var latest = await fleet.ReleaseAsync("r3", latestBundle, version: "1.2.0");
        using var device = await fleet.DeviceAsync("gw-1");

        var answer = await UpdateFleet.CheckAsync(device, release: first.Id.ToString());

        Assert.Equal("update", answer.Status);
        Assert.Equal("release", answer.SourceType);
        Assert.Equal(latest.Id, answer.Release!.Id);
        Assert.Equal("1.2.0", answer.Release.Version);
        Assert.Equal(latestBundle.Id, answer.Bundle!.Id);
        var entry = Assert.Single(answer.Manifest);
        Assert.Equal(latestBundle.Binaries[0].BinaryId, entry.BinaryId);
        Assert.Equal(4096, entry.Size);
        Assert.Equal(latestBundle.Binaries[0].Sha256, entry.Sha256);
        Assert.Single(entry.Signatures);
        Assert.InRange(answer.UrlsExpireAt!.Value, fixture.Time.GetUtcNow().UtcDateTime.AddHours(1), fixture.Time.GetUtcNow().UtcDateTime.AddHours(2));
        var bytes = await device.Http.GetByteArrayAsync(entry.Url, Cancel);
        Assert.Equal(entry.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
    }

    [Fact]
    public async Task Check_WalkStopsAtTheFirstRequiredRelease()
    {
        var fleet = await UpdateFleet.CreateAsync(fixture);
        var first = await fleet.ReleaseAsync("r1", await fleet.BundleAsync());
        var required = await fleet.ReleaseAsync("r2", await fleet.BundleAsync(), required: true);
        await fleet.ReleaseAsync("r3", await fleet.BundleAsync());
        using var device = await fleet.DeviceAsync("gw-1");

        var answer = await UpdateFleet.CheckAsync(device, release: first.Id.ToString());

        Assert.Equal(required.Id, answer.Release!.Id);
    }

    [Fact]
    public async Task Check_OnTheLatest_IsNoUpdate()
    {
        var fleet = await UpdateFleet.CreateAsync(fixture);
        var bundle = await fleet.BundleAsync();
        var latest = await fleet.ReleaseAsync("r1", bundle);
        using var device = await fleet.DeviceAsync("gw-1");

        var answer = await UpdateFleet.CheckAsync(device, release: latest.Id.ToString(), bundle: bundle.Id.ToString());

        Assert.Equal("no_update", answer.Status);
        Assert.Empty(answer.Manifest);
        Assert.NotNull(answer.Reason);
    }

    [Fact]
    public async Task Check_Quarantined_IsDeviceQuarantined()
    {
        var fleet = await UpdateFleet.CreateAsync(fixture);
        var first = await fleet.ReleaseAsync("r1", await fleet.BundleAsync());
        await fleet.ReleaseAsync("r2", await fleet.BundleAsync());
        using var device = await fleet.DeviceAsync("gw-1", quarantined: true);

        var answer = await UpdateFleet.CheckAsync(device, release: first.Id.ToString());

        Assert.Equal("device_quarantined", answer.Status);
        Assert.Empty(answer.Manifest);
    }

    [Fact]
    public async Task Check_ByVersion_StartsAtTheLowestReleaseWhoseRequirementAdmitsIt()
    {
        var fleet = await UpdateFleet.CreateAsync(fixture);
        await fleet.ReleaseAsync("r1", await fleet.BundleAsync(), version: "1.0.0", versionRequirement: "< 1.0.0");
        var second = await fleet.ReleaseAsync("r2", await fleet.BundleAsync(), required: true, version: "2.0.0", versionRequirement: ">= 1.0.0 and < 2.0.0");
        await fleet.ReleaseAsync("r3", await fleet.BundleAsync(), version: "3.0.0", versionRequirement: ">= 2.0.0");
        using var device = await fleet.DeviceAsync("gw-1");

        var answer = await UpdateFleet.CheckAsync(device, version: "1.4.2");

        Assert.Equal(second.Id, answer.Release!.Id);
    }

    [Fact]
    public async Task Check_RecordsWhatTheDeviceReports_OnceWithAnEvent()
    {
        var fleet = await UpdateFleet.CreateAsync(fixture);
        var bundle = await fleet.BundleAsync();
        var first = await fleet.ReleaseAsync("r1", bundle, version: "1.0.0");
        using var device = await fleet.DeviceAsync("gw-1");

        await UpdateFleet.CheckAsync(device, release: first.Id.ToString(), bundle: bundle.Id.ToString(), version: "1.0.0");
        await UpdateFleet.CheckAsync(device, release: first.Id.ToString(), bundle: bundle.Id.ToString(), version: "1.0.0");

        var recorded = await fleet.Tenant.Owner.Devices.GetAsync(device.Id, Cancel);
        Assert.Equal(first.Id, recorded.ReportedReleaseId);
        Assert.Equal(bundle.Id, recorded.ReportedBundleId);
        Assert.Equal("1.0.0", recorded.ReportedReleaseVersion);
        var changed = await fleet.EventsAsync("device.release_changed");
        var only = Assert.Single(changed);
        Assert.Equal(device.Device.Id, only.ResourceId);
        Assert.Equal("device", only.ActorType);
    }

    [Fact]
    public async Task Check_UnknownOrForeignIds_FallThroughToTheVersion_AndForeignNamesAreNeverRecorded()
    {
        var fleet = await UpdateFleet.CreateAsync(fixture);
        var other = await UpdateFleet.CreateAsync(fixture);
        var foreign = await other.ReleaseAsync("theirs", await other.BundleAsync());
        await fleet.ReleaseAsync("r1", await fleet.BundleAsync(), version: "1.0.0", versionRequirement: ">= 0.1.0");
        var latest = await fleet.ReleaseAsync("r2", await fleet.BundleAsync(), version: "2.0.0");
        using var device = await fleet.DeviceAsync("gw-1");
        var foreignName = $"hrn:1:{other.Tenant.OrganizationId}:release:{foreign.Id}";

        var unknownBundle = Guid.CreateVersion7();

        var answer = await UpdateFleet.CheckAsync(device, release: foreignName, bundle: unknownBundle.ToString(), version: "0.5.0");
        await UpdateFleet.CheckAsync(device, release: foreignName, bundle: unknownBundle.ToString(), version: "0.5.0");

        Assert.Equal(latest.Id, answer.Release!.Id);
        var recorded = await fleet.Tenant.Owner.Devices.GetAsync(device.Id, Cancel);
        Assert.Null(recorded.ReportedReleaseId);
        Assert.Equal(unknownBundle, recorded.ReportedBundleId);
        Assert.Equal("0.5.0", recorded.ReportedReleaseVersion);
        var changed = Assert.Single(await fleet.EventsAsync("device.release_changed"));
        Assert.False(changed.Data.GetProperty("to_bundle_known").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, changed.Data.GetProperty("to_release").ValueKind);
    }

    [Theory]
    [InlineData("Hangar-Release", "not-an-id")]
    [InlineData("Hangar-Bundle", "hrn:1:00000000-0000-0000-0000-000000000000:device:00000000-0000-0000-0000-000000000000")]
    [InlineData("Hangar-Release-Version", "1.0")]
    [InlineData("Hangar-Release-Version", "1.0.0-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task Check_MalformedHeader_Is400AndRecordsNothing(string header, string value)
    {
        var fleet = await UpdateFleet.CreateAsync(fixture);
        await fleet.ReleaseAsync("r1", await fleet.BundleAsync());
        using var device = await fleet.DeviceAsync("gw-1");
        using var request = new HttpRequestMessage(HttpMethod.Get, "device/v1/update");
        request.Headers.TryAddWithoutValidation(header, value);

        using var response = await device.Http.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal("validation_failed", problem.Code);
        Assert.True(problem.Errors!.ContainsKey(header));
        Assert.Empty(await fleet.EventsAsync("device.release_changed"));
    }

    [Fact]
    public async Task Check_WithTheLastETag_Is304()
    {
        var fleet = await UpdateFleet.CreateAsync(fixture);
        var first = await fleet.ReleaseAsync("r1", await fleet.BundleAsync());
        await fleet.ReleaseAsync("r2", await fleet.BundleAsync());
        using var device = await fleet.DeviceAsync("gw-1");
        using var firstResponse = await UpdateFleet.SendCheckAsync(device, release: first.Id.ToString());
        var etag = firstResponse.Headers.ETag!.ToString();

        using var again = await UpdateFleet.SendCheckAsync(device, release: first.Id.ToString(), ifNoneMatch: etag);
        using var changed = await UpdateFleet.SendCheckAsync(device, release: first.Id.ToString(), ifNoneMatch: "\"something-else\"");

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal(etag, again.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
    }

    [Fact]
    public async Task Check_SeesANewReleaseAtOnce()
    {
        var fleet = await UpdateFleet.CreateAsync(fixture);
        var first = await fleet.ReleaseAsync("r1", await fleet.BundleAsync());
        using var device = await fleet.DeviceAsync("gw-1");
        Assert.Equal("no_update", (await UpdateFleet.CheckAsync(device, release: first.Id.ToString())).Status);

        var second = await fleet.ReleaseAsync("r2", await fleet.BundleAsync());

        Assert.Equal(second.Id, (await UpdateFleet.CheckAsync(device, release: first.Id.ToString())).Release!.Id);
    }

    [Fact]
    public async Task Check_DeviceInNoCohort_IsNoUpdate()
    {
        var fleet = await UpdateFleet.CreateAsync(fixture);
        await fleet.ReleaseAsync("r1", await fleet.BundleAsync(), versionRequirement: ">= 0.0.0", version: "1.0.0");
        using var device = await fleet.DeviceAsync("gw-1", inCohort: false);

        Assert.Equal("no_update", (await UpdateFleet.CheckAsync(device, version: "0.1.0")).Status);
    }


    public sealed class OnSqlite(ClockSqliteServer fixture) : UpdateCheckTests(fixture), IClassFixture<ClockSqliteServer>;

    public sealed class OnPostgres(ClockPostgresServer fixture) : UpdateCheckTests(fixture), IClassFixture<ClockPostgresServer>;
}
