using System.Net;
using Hangar.Contracts.Telemetry;
using Hangar.Server.Features.Telemetry;
using Hangar.Server.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Hangar.Server.Tests.Telemetry;

/// <summary>The metric queries: a device's series from raw points and from rollups, fleet aggregates per group, and their validation.</summary>
public abstract class MetricQueryTests(TelemetryServer fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DeviceSeries_AreAggregatedPerStep_FromRawPointsAndFromRollups()
    {
        using var device = await TelemetryDevice.CreateAsync(fixture);
        var start = Minute(device.Now.AddMinutes(-10));
        var labels = new Dictionary<string, string> { ["core"] = "0" };
        using var sent = await device.SendAsync(
            new MetricPointRequest("app.load", 1, start.AddSeconds(5), "%", labels), new MetricPointRequest("app.load", 3, start.AddSeconds(15), "%", labels),
            new MetricPointRequest("app.load", 10, start.AddSeconds(65), "%", labels), new MetricPointRequest("app.other", 7, start.AddSeconds(5)));
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        await TelemetryDevice.WaitForWriterAsync(fixture);
        var telemetry = device.Fleet.Tenant.Owner.Telemetry;

        var raw = await telemetry.DeviceMetricsAsync(device.Id.ToString(), "app.load", start, start.AddMinutes(2), "30s", "max", Cancel);
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await fixture.Server.Services.GetRequiredService<TelemetryMaintenance>().RunOnceAsync(Cancel));
        var minutes = await telemetry.DeviceMetricsAsync(device.Id.ToString(), "app.load", start, start.AddMinutes(2), "1m", "avg", Cancel);

        Assert.Equal("raw", raw.Resolution);
        var series = Assert.Single(raw.Series);
        Assert.Equal("0", series.Labels["core"]);
        Assert.Equal("%", series.Unit);
        Assert.Equal([new MetricPointResponse(start, 3), new MetricPointResponse(start.AddSeconds(60), 10)], series.Points);
        Assert.Equal("1m", minutes.Resolution);
        Assert.Equal([new MetricPointResponse(start, 2), new MetricPointResponse(start.AddSeconds(60), 10)], Assert.Single(minutes.Series).Points);
    }

    [Fact]
    public async Task FleetAggregate_GroupsDevicesByProduct()
    {
        using var first = await TelemetryDevice.CreateAsync(fixture, "gw-a");
        using var second = await first.Fleet.DeviceAsync("gw-b");
        var now = first.Now;
        using (var a = await first.SendAsync(new MetricPointRequest("app.temp", 40, now.AddMinutes(-5)), new MetricPointRequest("app.temp", 50, now.AddMinutes(-4))))
        using (var b = await second.Http.PostAsync("device/v1/telemetry", Api.Json(
            $$"""{"metrics":[{"name":"app.temp","value":60,"time":"{{now.AddMinutes(-3):O}}"}]}"""), Cancel))
        {
            Assert.Equal(HttpStatusCode.Accepted, a.StatusCode);
            Assert.Equal(HttpStatusCode.Accepted, b.StatusCode);
        }

        await TelemetryDevice.WaitForWriterAsync(fixture);
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await fixture.Server.Services.GetRequiredService<TelemetryMaintenance>().RunOnceAsync(Cancel));

        var fleet = await first.Fleet.Tenant.Owner.Telemetry.FleetMetricsAsync("app.temp", "product", now.AddMinutes(-10), now, "avg", Cancel);
        var cohorts = await first.Fleet.Tenant.Owner.Telemetry.FleetMetricsAsync("app.temp", "cohort", now.AddMinutes(-10), now, "max", Cancel);

        var group = Assert.Single(fleet.Groups);
        Assert.Equal(first.Fleet.Product.Id.ToString(), group.Key);
        Assert.Equal(2, group.Devices);
        Assert.Equal(50, group.Value);
        Assert.Equal(60, Assert.Single(cohorts.Groups).Value);
    }

    [Theory]
    [InlineData("", "name")]
    [InlineData("name=app.x&step=90s", "step")]
    [InlineData("name=app.x&agg=median", "agg")]
    [InlineData("name=app.x&from=2030-01-01T00:00:00Z&to=2029-01-01T00:00:00Z", "from")]
    [InlineData("name=app.x&from=2020-01-01T00:00:00Z&to=2030-01-01T00:00:00Z&step=1m", "step")]
    public async Task InvalidQuery_Is400(string query, string field)
    {
        using var device = await TelemetryDevice.CreateAsync(fixture);
        using var http = fixture.Server.CreateHttpClient(device.Fleet.Tenant.OwnerKey);

        using var response = await http.GetAsync($"api/v1/devices/{device.Id}/metrics?{query}", Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ProblemAsync()).Errors!.ContainsKey(field));
    }

    private static DateTime Minute(DateTime time) => new(time.Ticks - (time.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc);

    public sealed class OnSqlite(TelemetrySqliteServer fixture) : MetricQueryTests(fixture), IClassFixture<TelemetrySqliteServer>;

    public sealed class OnPostgres(TelemetryPostgresServer fixture) : MetricQueryTests(fixture), IClassFixture<TelemetryPostgresServer>;
}
