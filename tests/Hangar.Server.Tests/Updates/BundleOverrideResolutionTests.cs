using Hangar.Data.Releases;
using Hangar.Server.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Hangar.Server.Tests.Updates;

/// <summary>Bundle overrides in the update check: time windows on the server's clock, the newest start wins, and they shadow releases.</summary>
public abstract class BundleOverrideResolutionTests(ClockServer fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Override_AppliesOnlyWithinItsWindow()
    {
        var fleet = await UpdateFleet.CreateAsync(fixture);
        var first = await fleet.ReleaseAsync("r1", await fleet.BundleAsync());
        using var device = await fleet.DeviceAsync("gw-1");
        var pinned = await fleet.BundleAsync();
        var now = fixture.Time.GetUtcNow().UtcDateTime;
        var window = await OverrideAsync(fleet, "pin", pinned.Id, now.AddHours(1), now.AddHours(3), device);

        Assert.Equal("no_update", (await UpdateFleet.CheckAsync(device, release: first.Id.ToString())).Status);
        fixture.Time.Advance(TimeSpan.FromHours(1));
        var during = await UpdateFleet.CheckAsync(device, release: first.Id.ToString());
        fixture.Time.Advance(TimeSpan.FromHours(2));
        var after = await UpdateFleet.CheckAsync(device, release: first.Id.ToString());

        Assert.Equal("bundle_override", during.SourceType);
        Assert.Equal(window.Id, during.BundleOverride!.Id);
        Assert.Equal(pinned.Id, during.Bundle!.Id);
        Assert.Null(during.Release);
        Assert.Equal("no_update", after.Status);
    }

    [Fact]
    public async Task Overlapping_TheMostRecentlyStartedWins_AndShadowsReleases()
    {
        var fleet = await UpdateFleet.CreateAsync(fixture);
        var first = await fleet.ReleaseAsync("r1", await fleet.BundleAsync());
        await fleet.ReleaseAsync("r2", await fleet.BundleAsync());
        using var device = await fleet.DeviceAsync("gw-1");
        var older = await fleet.BundleAsync();
        var newer = await fleet.BundleAsync();
        var now = fixture.Time.GetUtcNow().UtcDateTime;
        await OverrideAsync(fleet, "older", older.Id, now.AddMinutes(-30), null, device);
        await OverrideAsync(fleet, "newer", newer.Id, now.AddMinutes(-10), null, device);

        var answer = await UpdateFleet.CheckAsync(device, release: first.Id.ToString());
        var onIt = await UpdateFleet.CheckAsync(device, bundle: newer.Id.ToString());

        Assert.Equal(newer.Id, answer.Bundle!.Id);
        Assert.Equal("no_update", onIt.Status);
    }

    [Fact]
    public async Task Override_ForAnotherDevice_DoesNotApply()
    {
        var fleet = await UpdateFleet.CreateAsync(fixture);
        var only = await fleet.ReleaseAsync("r1", await fleet.BundleAsync());
        using var named = await fleet.DeviceAsync("gw-1");
        using var other = await fleet.DeviceAsync("gw-2");
        await OverrideAsync(fleet, "pin", (await fleet.BundleAsync()).Id, fixture.Time.GetUtcNow().UtcDateTime.AddMinutes(-1), null, named);

        Assert.Equal("no_update", (await UpdateFleet.CheckAsync(other, release: only.Id.ToString())).Status);
        Assert.Equal("update", (await UpdateFleet.CheckAsync(named, release: only.Id.ToString())).Status);
    }

    private async Task<BundleOverride> OverrideAsync(UpdateFleet fleet, string name, Guid bundleId, DateTime startsAt, DateTime? endsAt, FleetDevice device)
    {
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.HangarDbContext>();
        db.Tenant.Set(fleet.Tenant.OrganizationId);
        var now = fixture.Time.GetUtcNow().UtcDateTime;
        var created = new BundleOverride
        {
            Id = Guid.CreateVersion7(),
            OrganizationId = fleet.Tenant.OrganizationId,
            Name = name,
            BundleId = bundleId,
            StartsAt = startsAt,
            EndsAt = endsAt,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.BundleOverrides.Add(created);
        db.BundleOverrideDevices.Add(new BundleOverrideDevice { BundleOverrideId = created.Id, DeviceId = device.Device.Id, OrganizationId = fleet.Tenant.OrganizationId, CreatedAt = now });
        await db.SaveChangesAsync(Cancel);
        return created;
    }

    public sealed class OnSqlite(ClockSqliteServer fixture) : BundleOverrideResolutionTests(fixture), IClassFixture<ClockSqliteServer>;

    public sealed class OnPostgres(ClockPostgresServer fixture) : BundleOverrideResolutionTests(fixture), IClassFixture<ClockPostgresServer>;
}
