using Hangar.Contracts.Firmware;
using Hangar.Contracts.Releases;
using Hangar.Data;
using Hangar.Data.Tenancy;
using Hangar.Server.Tests.Firmware;
using Hangar.Server.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hangar.Server.Tests.Releases;

/// <summary>
/// The cohort's release graph stamp, which tells update-check caches their graph is stale: it changes with every
/// committed change to the cohort's releases or to whether their bundles can be delivered, and only then.
/// </summary>
public abstract class ReleaseGraphStampTests(ServerFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Stamp_ChangesWithEveryReleaseChange_ButNotWithARefusedOne()
    {
        var s = await ReleaseScenario.StartAsync(fixture);
        var initial = await StampAsync(s.CohortId);

        var release = await s.ReleaseAsync("r0", r => r with { PhaseValue = 0.5m });
        var created = await StampAsync(s.CohortId);
        await Api.ThrowsApiAsync(() => s.ReleaseAsync("r1"));
        var refused = await StampAsync(s.CohortId);
        await s.Client.Releases.HaltAsync(release.Id.ToString(), new HaltReleaseRequest("stop"), Cancel);
        var halted = await StampAsync(s.CohortId);
        await s.Client.Releases.ResumeAsync(release.Id.ToString(), Cancel);
        var resumed = await StampAsync(s.CohortId);
        await s.Client.Releases.DeleteAsync(release.Id.ToString(), Cancel);
        var deleted = await StampAsync(s.CohortId);

        Assert.Equal(5, new[] { initial, created, halted, resumed, deleted }.Distinct().Count());
        Assert.Equal(created, refused);
    }

    [Fact]
    public async Task Stamp_OfEveryCohortShippingABinary_ChangesWhenTheBinaryIsDestroyed()
    {
        var s = await ReleaseScenario.StartAsync(fixture);
        var other = await s.CohortAsync("beta");
        var untouched = await s.CohortAsync("gamma");
        var binary = await FirmwareBuilder.SignedAsync(s.Client, FirmwareBuilder.Bytes(1400));
        var bundle = await s.Client.Bundles.CreateAsync(new CreateBundleRequest([new BundleEntryRequest(binary.Id.ToString())]), cancellationToken: Cancel);
        await s.Client.Releases.CreateAsync(new CreateReleaseRequest("r", s.CohortId.ToString(), bundle.Id.ToString()), cancellationToken: Cancel);
        await s.Client.Releases.CreateAsync(new CreateReleaseRequest("r", other.ToString(), bundle.Id.ToString()), cancellationToken: Cancel);
        await s.ReleaseAsync("unrelated", cohortId: untouched);
        var before = (await StampAsync(s.CohortId), await StampAsync(other), await StampAsync(untouched));

        await s.Client.Binaries.UpdateAsync(binary.Id.ToString(), new UpdateBinaryRequest(State: "destroyed"), Cancel);

        Assert.NotEqual(before.Item1, await StampAsync(s.CohortId));
        Assert.NotEqual(before.Item2, await StampAsync(other));
        Assert.Equal(before.Item3, await StampAsync(untouched));
    }

    private async Task<Guid> StampAsync(Guid cohortId)
    {
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
        return await db.Cohorts.IgnoreQueryFilters([TenantFilter.Name]).Where(c => c.Id == cohortId).Select(c => c.ReleaseGraphStamp).SingleAsync(Cancel);
    }

    public sealed class OnSqlite(SqliteServer fixture) : ReleaseGraphStampTests(fixture);

    public sealed class OnPostgres(PostgresServer fixture) : ReleaseGraphStampTests(fixture);
}
