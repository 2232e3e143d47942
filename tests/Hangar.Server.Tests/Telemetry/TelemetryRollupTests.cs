using Hangar.Contracts.Telemetry;
using Hangar.Data;
using Hangar.Data.Telemetry;
using Hangar.Data.Tenancy;
using Hangar.Server.Features.Telemetry;
using Hangar.Server.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hangar.Server.Tests.Telemetry;

/// <summary>
/// Rollups against a naive aggregation of the same random points (each seed one case: random series, times over three
/// hours, repeated times, and late points written after a first rollup), and retention per resolution.
/// </summary>
public abstract class TelemetryRollupTests(TelemetryServer fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task Rollups_EqualANaiveAggregation_IncludingLatePoints(int seed)
    {
        using var device = await TelemetryDevice.CreateAsync(fixture);
        var series = await SeriesAsync(device, 3);
        var random = new Random(seed);
        var now = fixture.Time.GetUtcNow().ToUnixTimeMilliseconds();
        TelemetryPointRow RandomPoint() => new(
            series[random.Next(series.Length)],
            now - random.NextInt64(3 * 3600 * 1000L) / 250 * 250,
            Math.Round(random.NextDouble() * 200 - 100, 3));
        var first = Enumerable.Range(0, random.Next(50, 400)).Select(_ => RandomPoint()).ToList();
        var late = Enumerable.Range(0, random.Next(1, 100)).Select(_ => RandomPoint()).ToList();

        await WriteAndRollUpAsync(first);
        await WriteAndRollUpAsync(late);

        foreach (var resolution in TelemetryMaintenance.Resolutions)
        {
            var bucketMs = resolution * 1000L;
            var expected = first.Concat(late).Select((p, order) => (Point: p, Order: order))
                .GroupBy(p => (p.Point.SeriesId, Bucket: p.Point.Time - (p.Point.Time % bucketMs)))
                .ToDictionary(g => g.Key, g => (
                    Min: g.Min(p => p.Point.Value), Max: g.Max(p => p.Point.Value), Sum: g.Sum(p => p.Point.Value), Count: (long)g.Count(),
                    Last: g.OrderBy(p => p.Point.Time).ThenBy(p => p.Order).Last().Point.Value));
            var stored = await RollupsAsync(series, resolution);
            Assert.Equal(expected.Keys.Order(), stored.Select(r => (r.SeriesId, r.Bucket)).Order());
            foreach (var rollup in stored)
            {
                var naive = expected[(rollup.SeriesId, rollup.Bucket)];
                Assert.Equal(naive.Min, rollup.Min);
                Assert.Equal(naive.Max, rollup.Max);
                Assert.Equal(naive.Sum, rollup.Sum, 6);
                Assert.Equal(naive.Count, rollup.Count);
                Assert.Equal(naive.Last, rollup.Last);
            }
        }
    }

    [Fact]
    public async Task Retention_DeletesEachResolutionPastItsOwnAge()
    {
        using var device = await TelemetryDevice.CreateAsync(fixture);
        var series = (await SeriesAsync(device, 1))[0];
        var now = fixture.Time.GetUtcNow();
        var statements = fixture.Server.Services.GetRequiredService<ITelemetryStatements>();
        await statements.WriteAsync([new TelemetryPointRow(series, now.AddDays(-8).ToUnixTimeMilliseconds(), 1)], [], now.AddDays(-8).ToUnixTimeMilliseconds(), Cancel);
        await statements.WriteAsync([new TelemetryPointRow(series, now.AddDays(-6).ToUnixTimeMilliseconds(), 2)], [], now.AddDays(-6).ToUnixTimeMilliseconds(), Cancel);
        await using (var scope = fixture.Server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
            db.TelemetryRollups.AddRange(
                Rollup(series, 60, now.AddDays(-32)), Rollup(series, 60, now.AddDays(-30)),
                Rollup(series, 3600, now.AddDays(-401)), Rollup(series, 3600, now.AddDays(-32)));
            await db.SaveChangesAsync(Cancel);
        }

        Assert.True(await fixture.Server.Services.GetRequiredService<TelemetryMaintenance>().RunOnceAsync(Cancel));

        await using var check = fixture.Server.Services.CreateAsyncScope();
        var stored = check.ServiceProvider.GetRequiredService<HangarDbContext>();
        Assert.Equal([2.0], await stored.TelemetryPoints.Where(p => p.SeriesId == series).Select(p => p.Value).ToListAsync(Cancel));
        var kept = await stored.TelemetryRollups.Where(r => r.SeriesId == series).Select(r => new { r.Resolution, r.Bucket }).ToListAsync(Cancel);
        Assert.Contains(kept, r => r.Resolution == 60 && r.Bucket == Bucket(now.AddDays(-30), 60));
        Assert.Contains(kept, r => r.Resolution == 3600 && r.Bucket == Bucket(now.AddDays(-32), 3600));
        Assert.DoesNotContain(kept, r => r.Resolution == 60 && r.Bucket == Bucket(now.AddDays(-32), 60));
        Assert.DoesNotContain(kept, r => r.Resolution == 3600 && r.Bucket == Bucket(now.AddDays(-401), 3600));
    }

    private static long Bucket(DateTimeOffset time, int resolution) => time.ToUnixTimeMilliseconds() - (time.ToUnixTimeMilliseconds() % (resolution * 1000L));

    private static TelemetryRollup Rollup(long series, int resolution, DateTimeOffset time) => new()
    {
        SeriesId = series,
        Resolution = resolution,
        Bucket = Bucket(time, resolution),
        Min = 1,
        Max = 1,
        Sum = 1,
        Count = 1,
        Last = 1,
        LastTime = time.ToUnixTimeMilliseconds(),
    };

    private async Task WriteAndRollUpAsync(List<TelemetryPointRow> points)
    {
        var statements = fixture.Server.Services.GetRequiredService<ITelemetryStatements>();
        await statements.WriteAsync(points, [], fixture.Time.GetUtcNow().ToUnixTimeMilliseconds(), Cancel);
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await fixture.Server.Services.GetRequiredService<TelemetryMaintenance>().RunOnceAsync(Cancel));
    }

    /// <summary>Creates the device's series through the intake (one point each), and returns their ids.</summary>
    private async Task<long[]> SeriesAsync(TelemetryDevice device, int count)
    {
        using var response = await device.SendAsync([.. Enumerable.Range(0, count).Select(i => new MetricPointRequest($"app.s{i}", 0, device.Now.AddHours(-12)))]);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        await TelemetryDevice.WaitForWriterAsync(fixture);
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
        var ids = await db.TelemetrySeries.IgnoreQueryFilters([TenantFilter.Name]).Where(s => s.DeviceId == device.Id).Select(s => s.Id).ToArrayAsync(Cancel);
        // The creating points lie outside the random window; drop them so that the naive side sees every point.
        await db.TelemetryPoints.Where(p => ids.Contains(p.SeriesId)).ExecuteDeleteAsync(Cancel);
        return ids;
    }

    private async Task<List<TelemetryRollup>> RollupsAsync(long[] series, int resolution)
    {
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
        return await db.TelemetryRollups.AsNoTracking().Where(r => series.Contains(r.SeriesId) && r.Resolution == resolution).ToListAsync(Cancel);
    }

    public sealed class OnSqlite(TelemetrySqliteServer fixture) : TelemetryRollupTests(fixture), IClassFixture<TelemetrySqliteServer>;

    public sealed class OnPostgres(TelemetryPostgresServer fixture) : TelemetryRollupTests(fixture), IClassFixture<TelemetryPostgresServer>;
}
