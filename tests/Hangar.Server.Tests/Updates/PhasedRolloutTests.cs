using Hangar.Server.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hangar.Server.Tests.Updates;

/// <summary>Phased releases under concurrency: claims are exact, kept, and never exceed the phase.</summary>
public abstract class PhasedRolloutTests(ClockServer fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CountPhase_Under100ConcurrentChecks_AdmitsExactlyThePhaseAndKeepsIt()
    {
        var fleet = await UpdateFleet.CreateAsync(fixture);
        var first = await fleet.ReleaseAsync("r1", await fleet.BundleAsync());
        var phased = await fleet.ReleaseAsync("r2", await fleet.BundleAsync(), phaseValue: 10m);
        var devices = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => fleet.DeviceAsync($"gw-{i:D3}")));

        var answers = await Task.WhenAll(devices.Select(d => UpdateFleet.CheckAsync(d, release: first.Id.ToString())));
        var admitted = devices.Zip(answers).Where(p => p.Second.Status == "update").Select(p => p.First.Device.Id).ToHashSet();
        var again = await Task.WhenAll(devices.Select(d => UpdateFleet.CheckAsync(d, release: first.Id.ToString())));

        Assert.Equal(10, admitted.Count);
        Assert.All(answers.Where(a => a.Status == "update"), a => Assert.Equal(phased.Id, a.Release!.Id));
        Assert.Equal(admitted, devices.Zip(again).Where(p => p.Second.Status == "update").Select(p => p.First.Device.Id).ToHashSet());
        var (claims, counter) = await ClaimsAsync(fleet, phased.Id);
        Assert.Equal(admitted, claims);
        Assert.Equal(10, counter);
        foreach (var device in devices)
        {
            device.Dispose();
        }
    }

    [Fact]
    public async Task FractionalPhase_AdmitsTheFloorOfTheShare_AndRaisingItAdmitsMore()
    {
        var fleet = await UpdateFleet.CreateAsync(fixture);
        var first = await fleet.ReleaseAsync("r1", await fleet.BundleAsync());
        var phased = await fleet.ReleaseAsync("r2", await fleet.BundleAsync(), phaseValue: 0.25m);
        var devices = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => fleet.DeviceAsync($"gw-{i}")));

        var answers = await Task.WhenAll(devices.Select(d => UpdateFleet.CheckAsync(d, release: first.Id.ToString())));
        Assert.Equal(2, answers.Count(a => a.Status == "update"));

        await SetPhaseAsync(fleet, phased.Id, 0.5m);
        var raised = await Task.WhenAll(devices.Select(d => UpdateFleet.CheckAsync(d, release: first.Id.ToString())));

        Assert.Equal(5, raised.Count(a => a.Status == "update"));
        Assert.All(devices.Zip(answers, raised).Where(t => t.Second.Status == "update"), t => Assert.Equal("update", t.Third.Status));
        Assert.Equal(5, (await ClaimsAsync(fleet, phased.Id)).Claims.Count);
    }

    [Fact]
    public async Task DeletingAClaimingDevice_GivesItsPlaceBack()
    {
        using var phase = await FullPhaseAsync();

        await phase.Fleet.Tenant.Owner.Devices.DeleteAsync(phase.A.Id, Cancel);

        Assert.Equal("update", await phase.CheckAsync(phase.C));
        Assert.Equal(2, (await ClaimsAsync(phase.Fleet, phase.Phased.Id)).Counter);
    }

    [Fact]
    public async Task MovingAClaimingDeviceToAnotherCohort_GivesItsPlaceBack()
    {
        using var phase = await FullPhaseAsync();
        var owner = phase.Fleet.Tenant.Owner;
        var other = await owner.Cohorts.CreateAsync(new Contracts.Devices.CreateCohortRequest("canary", phase.Fleet.Product.Id.ToString()), cancellationToken: Cancel);

        await owner.Devices.UpdateAsync(phase.A.Id, new Contracts.Devices.UpdateDeviceRequest(CohortId: other.Id.ToString()), Cancel);

        Assert.Equal("update", await phase.CheckAsync(phase.C));
        var (claims, counter) = await ClaimsAsync(phase.Fleet, phase.Phased.Id);
        Assert.Equal(new HashSet<Guid> { phase.B.Device.Id, phase.C.Device.Id }, claims);
        Assert.Equal(2, counter);
    }

    [Fact]
    public async Task BulkMovingClaimingDevicesOutOfTheirCohort_GivesTheirPlacesBack()
    {
        using var phase = await FullPhaseAsync();

        await phase.Fleet.Tenant.Owner.Devices.BulkAsync(new Contracts.Devices.BulkDeviceActionRequest("move_cohort", DeviceIds: [phase.A.Id, phase.B.Id], CohortId: ""), Cancel);

        var (claims, counter) = await ClaimsAsync(phase.Fleet, phase.Phased.Id);
        Assert.Empty(claims);
        Assert.Equal(0, counter);
        Assert.Equal("update", await phase.CheckAsync(phase.C));
        Assert.Equal(1, (await ClaimsAsync(phase.Fleet, phase.Phased.Id)).Counter);
    }

    [Fact]
    public async Task TagPhase_AdmitsDevicesWithAnyTag_WithoutClaims()
    {
        var fleet = await UpdateFleet.CreateAsync(fixture);
        var first = await fleet.ReleaseAsync("r1", await fleet.BundleAsync());
        var phased = await fleet.ReleaseAsync("r2", await fleet.BundleAsync(), phaseTags: ["beta", "lab"]);
        using var beta = await fleet.DeviceAsync("beta-1", tags: ["beta"]);
        using var plain = await fleet.DeviceAsync("plain-1", tags: ["prod"]);

        Assert.Equal(phased.Id, (await UpdateFleet.CheckAsync(beta, release: first.Id.ToString())).Release!.Id);
        Assert.Equal("no_update", (await UpdateFleet.CheckAsync(plain, release: first.Id.ToString())).Status);
        Assert.Empty((await ClaimsAsync(fleet, phased.Id)).Claims);
    }

    [Fact]
    public async Task ScheduledLatest_IsOfferedOnlyOnceItsDateHasPassed()
    {
        var fleet = await UpdateFleet.CreateAsync(fixture);
        var first = await fleet.ReleaseAsync("r1", await fleet.BundleAsync());
        var scheduled = await fleet.ReleaseAsync("r2", await fleet.BundleAsync(), scheduleDate: fixture.Time.GetUtcNow().UtcDateTime.AddHours(2));
        using var device = await fleet.DeviceAsync("gw-1");
        Assert.Equal("no_update", (await UpdateFleet.CheckAsync(device, release: first.Id.ToString())).Status);

        fixture.Time.Advance(TimeSpan.FromHours(2));

        Assert.Equal(scheduled.Id, (await UpdateFleet.CheckAsync(device, release: first.Id.ToString())).Release!.Id);
    }

    /// <summary>What the give-back tests start from: a phase of two places taken by gw-a and gw-b, so gw-c is refused.</summary>
    private async Task<FullPhase> FullPhaseAsync()
    {
        var fleet = await UpdateFleet.CreateAsync(fixture);
        var first = await fleet.ReleaseAsync("r1", await fleet.BundleAsync());
        var phased = await fleet.ReleaseAsync("r2", await fleet.BundleAsync(), phaseValue: 2m);
        var phase = new FullPhase(fleet, first, phased, await fleet.DeviceAsync("gw-a"), await fleet.DeviceAsync("gw-b"), await fleet.DeviceAsync("gw-c"));
        Assert.Equal("update", await phase.CheckAsync(phase.A));
        Assert.Equal("update", await phase.CheckAsync(phase.B));
        Assert.Equal("no_update", await phase.CheckAsync(phase.C));
        return phase;
    }

    private async Task<(HashSet<Guid> Claims, int Counter)> ClaimsAsync(UpdateFleet fleet, Guid releaseId)
    {
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.HangarDbContext>();
        db.Tenant.Set(fleet.Tenant.OrganizationId);
        var claims = await db.PhaseClaims.Where(c => c.ReleaseId == releaseId).Select(c => c.DeviceId).ToListAsync(Cancel);
        var counter = await db.Releases.Where(r => r.Id == releaseId).Select(r => r.PhaseClaimCount).SingleAsync(Cancel);
        return ([.. claims], counter);
    }

    private static Task<Contracts.Releases.ReleaseResponse> SetPhaseAsync(UpdateFleet fleet, Guid releaseId, decimal value) =>
        fleet.Tenant.Owner.Releases.UpdateAsync(releaseId.ToString(), new Contracts.Releases.UpdateReleaseRequest(PhaseValue: value), Cancel);

    public sealed class OnSqlite(ClockSqliteServer fixture) : PhasedRolloutTests(fixture), IClassFixture<ClockSqliteServer>;

    public sealed class OnPostgres(ClockPostgresServer fixture) : PhasedRolloutTests(fixture), IClassFixture<ClockPostgresServer>;

    private sealed record FullPhase(
        UpdateFleet Fleet, Contracts.Releases.ReleaseResponse First, Contracts.Releases.ReleaseResponse Phased, FleetDevice A, FleetDevice B, FleetDevice C)
        : IDisposable
    {
        /// <summary>The status of the device's check from the first release.</summary>
        public async Task<string> CheckAsync(FleetDevice device) => (await UpdateFleet.CheckAsync(device, release: First.Id.ToString())).Status;

        public void Dispose()
        {
            A.Dispose();
            B.Dispose();
            C.Dispose();
        }
    }
}
