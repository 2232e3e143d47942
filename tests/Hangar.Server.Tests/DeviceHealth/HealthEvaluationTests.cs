using System.Text.Json;
using Hangar.Client;
using Hangar.Contracts.DeviceHealth;
using Hangar.Contracts.Webhooks;
using Hangar.Server.Tests.Fixtures;

namespace Hangar.Server.Tests.DeviceHealth;

/// <summary>
/// The evaluator over real telemetry (heartbeats through the intake, rollups, then an evaluation, on the fake clock):
/// transitions, one event per transition (and its webhook delivery), search, the fleet summary, and tenancy.
/// </summary>
public abstract class HealthEvaluationTests(HealthServer fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly CreateHealthRuleRequest DiskFull =
        new("disk full", "threshold", "heartbeat.disk_used_percent{mount=\"/data\"}", 600, Aggregation: "min", Operator: ">", Threshold: 90, Severity: "critical");

    [Fact]
    public async Task DiskAboveThresholdForTheWindow_MakesTheDeviceUnhealthyOnce_ThenHealthyOnceWhenItDrops()
    {
        var health = await HealthFleet.CreateAsync(fixture);
        var stranger = await HealthFleet.CreateAsync(fixture);
        using var full = await health.DeviceAsync("gw-full");
        using var calm = await health.DeviceAsync("gw-calm");
        using var strangerFull = await stranger.DeviceAsync("gw-stranger");
        // Both types are subscribable (an unknown type is refused). Delivery itself is not awaited here: on this
        // fake clock a first attempt that fails under load is retried only when the clock moves, which this test
        // cannot do without ageing the heartbeats it judges (a wait for it hung a loaded suite run).
        await health.Owner.Webhooks.CreateAsync(new CreateWebhookRequest("https://hooks.example.com/health", ["device.unhealthy", "device.healthy"]), cancellationToken: Cancel);
        var rule = await health.RuleAsync(DiskFull);

        for (var minute = 0; minute < 12; minute++)
        {
            await health.HeartbeatAsync(full, 95);
            await health.HeartbeatAsync(calm, 40);
            await stranger.HeartbeatAsync(strangerFull, 99);
            if (minute == 5)
            {
                // Above 90 for five minutes only: not yet "for 10 minutes".
                await health.EvaluateAsync();
                Assert.True((await health.HealthAsync(full)).Healthy);
            }

            fixture.Time.Advance(TimeSpan.FromMinutes(1));
        }

        await health.EvaluateAsync();
        await health.EvaluateAsync();

        var unhealthy = await health.HealthAsync(full);
        Assert.False(unhealthy.Healthy);
        var failure = Assert.Single(unhealthy.Failing);
        Assert.Equal((rule.Id, "disk full", "critical", 95.0), (failure.RuleId, failure.RuleName, failure.Severity, failure.Value));
        Assert.Equal([rule.Id], unhealthy.Rules!.Select(r => r.Id));
        Assert.True((await health.HealthAsync(calm)).Healthy);
        Assert.Null((await stranger.HealthAsync(strangerFull)).Healthy);
        Assert.Empty(await stranger.EventsAsync("device.unhealthy", strangerFull));
        var announced = Assert.Single(await health.EventsAsync("device.unhealthy", full));
        Assert.Empty(await health.EventsAsync("device.unhealthy", calm));
        using (var data = JsonDocument.Parse(announced.Data.GetRawText()))
        {
            var failing = Assert.Single(data.RootElement.GetProperty("failing").EnumerateArray());
            Assert.Equal("gw-full", data.RootElement.GetProperty("identifier").GetString());
            Assert.Equal((">", 90.0, 95.0), (failing.GetProperty("operator").GetString(), failing.GetProperty("threshold").GetDouble(), failing.GetProperty("value").GetDouble()));
        }

        var listed = await health.Owner.Devices.ListAsync(new ListOptions(Search: "healthy:false"), Cancel);
        Assert.Equal([full.Device.Id], listed.Data.Select(d => d.Id));
        Assert.Equal("disk full", Assert.Single(listed.Data[0].Health!.Failing).RuleName);
        Assert.Equal([calm.Device.Id], (await health.Owner.Devices.ListAsync(new ListOptions(Search: "healthy:true"), Cancel)).Data.Select(d => d.Id));
        Assert.Empty((await stranger.Owner.Devices.ListAsync(new ListOptions(Search: "healthy:false"), Cancel)).Data);
        Assert.Equal(1, (await health.Owner.Fleet.SummaryAsync(cancellationToken: Cancel)).Devices.Unhealthy);

        for (var minute = 0; minute < 3; minute++)
        {
            await health.HeartbeatAsync(full, 50);
            fixture.Time.Advance(TimeSpan.FromMinutes(1));
        }

        await health.EvaluateAsync();
        await health.EvaluateAsync();

        var healed = await health.HealthAsync(full);
        Assert.True(healed.Healthy);
        Assert.Empty(healed.Failing);
        Assert.Single(await health.EventsAsync("device.healthy", full));
        Assert.Single(await health.EventsAsync("device.unhealthy", full));
        Assert.Empty((await health.Owner.Devices.ListAsync(new ListOptions(Search: "healthy:false"), Cancel)).Data);
    }

    [Fact]
    public async Task AbsenceRule_MarksASilentDeviceUnhealthy_AHeartbeatHealsIt_AndQuarantinedDevicesAreNotEvaluated()
    {
        var health = await HealthFleet.CreateAsync(fixture);
        using var quiet = await health.DeviceAsync("gw-quiet");
        using var talker = await health.DeviceAsync("gw-talker");
        using var quarantined = await health.DeviceAsync("gw-quarantined", quarantined: true);
        await health.RuleAsync(new CreateHealthRuleRequest("silent", "absence", "heartbeat", 3600, Severity: "critical"));

        await health.EvaluateAsync();
        Assert.True((await health.HealthAsync(quiet)).Healthy);

        fixture.Time.Advance(TimeSpan.FromMinutes(61));
        await health.HeartbeatAsync(talker, 10);
        await health.EvaluateAsync();

        var silent = await health.HealthAsync(quiet);
        Assert.False(silent.Healthy);
        Assert.Null(Assert.Single(silent.Failing).Value);
        Assert.True((await health.HealthAsync(talker)).Healthy);
        Assert.Null((await health.HealthAsync(quarantined)).Healthy);
        Assert.Empty(await health.EventsAsync("device.unhealthy", quarantined));
        Assert.Equal([quiet.Device.Id], (await health.Owner.Devices.ListAsync(new ListOptions(Search: "healthy:false"), Cancel)).Data.Select(d => d.Id));

        await health.HeartbeatAsync(quiet, 10);
        await health.EvaluateAsync();

        Assert.True((await health.HealthAsync(quiet)).Healthy);
        Assert.Single(await health.EventsAsync("device.unhealthy", quiet));
        Assert.Single(await health.EventsAsync("device.healthy", quiet));
    }

    [Fact]
    public async Task DisablingOrDeletingTheRule_ClearsItsFailures_WithADeviceHealthyEvent()
    {
        var health = await HealthFleet.CreateAsync(fixture);
        using var quiet = await health.DeviceAsync("gw-quiet");
        var product = health.Fleet.Product.Id.ToString();
        var rule = await health.RuleAsync(new CreateHealthRuleRequest("silent", "absence", "heartbeat", 60));
        fixture.Time.Advance(TimeSpan.FromMinutes(2));
        await health.EvaluateAsync();
        Assert.False((await health.HealthAsync(quiet)).Healthy);

        await health.Owner.HealthRules.UpdateAsync(product, rule.Name, new UpdateHealthRuleRequest(Enabled: false), Cancel);

        var disabled = await health.HealthAsync(quiet);
        Assert.Null(disabled.Healthy);
        Assert.Empty(disabled.Failing);
        Assert.Single(await health.EventsAsync("device.healthy", quiet));

        await health.Owner.HealthRules.UpdateAsync(product, rule.Name, new UpdateHealthRuleRequest(Enabled: true), Cancel);
        await health.EvaluateAsync();
        Assert.False((await health.HealthAsync(quiet)).Healthy);
        Assert.Equal(2, (await health.EventsAsync("device.unhealthy", quiet)).Count);

        await health.Owner.HealthRules.DeleteAsync(product, rule.Id.ToString(), Cancel);

        Assert.Null((await health.HealthAsync(quiet)).Healthy);
        Assert.Equal(2, (await health.EventsAsync("device.healthy", quiet)).Count);
        Assert.Null((await health.Owner.Devices.GetAsync(quiet.Id, Cancel)).Health!.Healthy);
    }

    public sealed class OnSqlite(HealthSqliteServer fixture) : HealthEvaluationTests(fixture), IClassFixture<HealthSqliteServer>;

    public sealed class OnPostgres(HealthPostgresServer fixture) : HealthEvaluationTests(fixture), IClassFixture<HealthPostgresServer>;
}
