using Hangar.Server.Hosting.Leases;
using Hangar.Server.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Hangar.Server.Tests.Hosting;

/// <summary>
/// The lease is exclusive: two holders (as two server processes would be) on one database never hold it at once; the
/// holder renews it; the other takes it over only after it expired, or at once after a release.
/// </summary>
public abstract class LeaseTableTests(ClockServer fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Lease_IsHeldByOneHolder_UntilItExpiresOrIsReleased()
    {
        var scopes = fixture.Server.Services.GetRequiredService<IServiceScopeFactory>();
        var first = new LeaseTable(scopes, fixture.Time);
        var second = new LeaseTable(scopes, fixture.Time);
        var name = $"test-{Guid.CreateVersion7():N}";
        var duration = TimeSpan.FromSeconds(30);

        Assert.True(await first.TryAcquireAsync(name, duration, Cancel));
        Assert.False(await second.TryAcquireAsync(name, duration, Cancel));
        fixture.Time.Advance(TimeSpan.FromSeconds(20));
        Assert.True(await first.TryAcquireAsync(name, duration, Cancel));
        fixture.Time.Advance(TimeSpan.FromSeconds(20));
        // Renewed 20 s ago for 30 s: still the first's.
        Assert.False(await second.TryAcquireAsync(name, duration, Cancel));
        fixture.Time.Advance(TimeSpan.FromSeconds(11));
        Assert.True(await second.TryAcquireAsync(name, duration, Cancel));
        Assert.False(await first.TryAcquireAsync(name, duration, Cancel));
        await second.ReleaseAsync(name, Cancel);
        Assert.True(await first.TryAcquireAsync(name, duration, Cancel));
    }

    [Fact]
    public async Task ConcurrentAttempts_OnAFreeLease_GiveItToExactlyOne()
    {
        var scopes = fixture.Server.Services.GetRequiredService<IServiceScopeFactory>();
        var holders = Enumerable.Range(0, 6).Select(_ => new LeaseTable(scopes, fixture.Time)).ToList();
        var name = $"race-{Guid.CreateVersion7():N}";

        var won = await Task.WhenAll(holders.Select(h => Task.Run(() => h.TryAcquireAsync(name, TimeSpan.FromMinutes(1), Cancel), Cancel)));

        Assert.Single(won, w => w);
    }

    public sealed class OnSqlite(ClockSqliteServer fixture) : LeaseTableTests(fixture), IClassFixture<ClockSqliteServer>;

    public sealed class OnPostgres(ClockPostgresServer fixture) : LeaseTableTests(fixture), IClassFixture<ClockPostgresServer>;
}
