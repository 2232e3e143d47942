using Hangar.Contracts.Releases;
using Hangar.Data;
using Hangar.Data.Queries;
using Hangar.Data.Releases;
using Hangar.Server.Features.Updates;
using Hangar.Server.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Hangar.Server.Tests.Updates;

/// <summary>
/// The update check's hand-written device query, on each provider: every column it reads back, including the
/// offers of releases and of overrides that share one column.
/// </summary>
public abstract class DeviceSnapshotLookupTests(ClockServer fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Snapshot_ReadsTheDeviceItsTagsClaimsOverridesAndBothKindsOfOffer()
    {
        var fleet = await UpdateFleet.CreateAsync(fixture);
        var first = await fleet.ReleaseAsync("r1", await fleet.BundleAsync(), version: "1.0.0");
        var phased = await fleet.ReleaseAsync("r2", await fleet.BundleAsync(), version: "1.1.0", phaseValue: 2m);
        using var device = await fleet.DeviceAsync("gw-1", tags: ["lab", "beta"]);
        // The first check claims a place in r2's phase and records the offer of r2.
        Assert.Equal(phased.Id, (await UpdateFleet.CheckAsync(device, release: first.Id.ToString(), version: "1.0.0")).Release!.Id);
        var pinned = await fleet.BundleAsync();
        var now = fixture.Time.GetUtcNow().UtcDateTime;
        var pin = await fleet.Tenant.Owner.BundleOverrides.CreateAsync(new CreateBundleOverrideRequest("pin", pinned.Id.ToString(), now.AddMinutes(-1)), cancellationToken: Cancel);
        await fleet.Tenant.Owner.BundleOverrides.AddDevicesAsync(pin.Id.ToString(), new AddBundleOverrideDevicesRequest([device.Id]), Cancel);
        // The second check is offered the override, recorded beside the release's offer.
        Assert.Equal(pin.Id, (await UpdateFleet.CheckAsync(device, release: first.Id.ToString(), version: "1.0.0")).BundleOverride!.Id);

        var snapshot = await LoadAsync(fleet.Tenant.OrganizationId, device.Device.Id);

        Assert.NotNull(snapshot);
        Assert.Equal(device.Device.Id, snapshot.Id);
        Assert.Equal(fleet.Tenant.OrganizationId, snapshot.OrganizationId);
        Assert.Equal("gw-1", snapshot.Identifier);
        Assert.False(snapshot.Quarantined);
        Assert.Equal(fleet.Cohort.Id, snapshot.CohortId);
        Assert.Equal(first.Id, snapshot.ReportedReleaseId);
        Assert.Null(snapshot.ReportedBundleId);
        Assert.Equal("1.0.0", snapshot.ReportedReleaseVersion);
        Assert.Equal(["beta", "lab"], snapshot.Tags.Order(StringComparer.Ordinal));
        Assert.NotNull(snapshot.GraphStamp);
        Assert.Equal([pin.Id], snapshot.OverrideIds);
        Assert.Equal([phased.Id], snapshot.ClaimedReleases);
        Assert.Equal(2, snapshot.Offers.Count);
        Assert.Contains(new OfferKey(phased.Id, null), snapshot.Offers);
        Assert.Contains(new OfferKey(null, pin.Id), snapshot.Offers);
        Assert.Equal(pinned.Id, Assert.Single(snapshot.Overrides).BundleId);
    }

    [Fact]
    public async Task Snapshot_OfADeviceWithNothing_HasEmptyCollections_AndIsNullForAnotherOrganization()
    {
        var fleet = await UpdateFleet.CreateAsync(fixture);
        using var device = await fleet.DeviceAsync("gw-1", inCohort: false);
        var other = await fixture.NewTenantAsync();

        var snapshot = await LoadAsync(fleet.Tenant.OrganizationId, device.Device.Id);
        var elsewhere = await LoadAsync(other.OrganizationId, device.Device.Id);

        Assert.NotNull(snapshot);
        Assert.Null(snapshot.CohortId);
        Assert.Null(snapshot.GraphStamp);
        Assert.Null(snapshot.ReportedReleaseId);
        Assert.Empty(snapshot.Tags);
        Assert.Empty(snapshot.OverrideIds);
        Assert.Empty(snapshot.ClaimedReleases);
        Assert.Empty(snapshot.Offers);
        Assert.Null(elsewhere);
    }

    private async Task<DeviceSnapshot?> LoadAsync(Guid organizationId, Guid deviceId)
    {
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
        // As on a device request: the scope's tenant is the device's organization (the overrides are read through EF).
        db.Tenant.Set(organizationId);
        return await scope.ServiceProvider.GetRequiredService<DeviceSnapshotLookup>().LoadAsync(db, organizationId, deviceId, fixture.Time.GetUtcNow().UtcDateTime, Cancel);
    }

    public sealed class OnSqlite(ClockSqliteServer fixture) : DeviceSnapshotLookupTests(fixture), IClassFixture<ClockSqliteServer>;

    public sealed class OnPostgres(ClockPostgresServer fixture) : DeviceSnapshotLookupTests(fixture), IClassFixture<ClockPostgresServer>;
}
