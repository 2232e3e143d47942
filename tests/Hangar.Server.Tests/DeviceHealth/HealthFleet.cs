using System.Net;
using Hangar.Client;
using Hangar.Contracts.DeviceHealth;
using Hangar.Contracts.Events;
using Hangar.Contracts.Telemetry;
using Hangar.Server.Features.DeviceHealth;
using Hangar.Server.Features.Telemetry;
using Hangar.Server.Tests.Fixtures;
using Hangar.Server.Tests.Telemetry;
using Hangar.Server.Tests.Updates;
using Microsoft.Extensions.DependencyInjection;

namespace Hangar.Server.Tests.DeviceHealth;

/// <summary>A fleet of its own for health tests: devices sending heartbeats on the fake clock, and the passes a test drives.</summary>
internal sealed class HealthFleet(HealthServer fixture, UpdateFleet fleet)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public UpdateFleet Fleet => fleet;
    public HangarClient Owner => fleet.Tenant.Owner;

    public static async Task<HealthFleet> CreateAsync(HealthServer fixture) => new(fixture, await UpdateFleet.CreateAsync(fixture));

    public Task<FleetDevice> DeviceAsync(string identifier, bool quarantined = false) => fleet.DeviceAsync(identifier, quarantined: quarantined);

    public Task<HealthRuleResponse> RuleAsync(CreateHealthRuleRequest request) =>
        Owner.HealthRules.CreateAsync(fleet.Product.Id.ToString(), request, cancellationToken: Cancel);

    /// <summary>A heartbeat now with the /data disk <paramref name="usedPercent"/> full.</summary>
    public async Task HeartbeatAsync(FleetDevice device, double usedPercent)
    {
        var total = 1_000_000L;
        var heartbeat = new HeartbeatRequest(fixture.Time.GetUtcNow().UtcDateTime, UptimeSeconds: 60,
            Disks: [new HeartbeatDisk("/data", total, (long)(total * (100 - usedPercent) / 100))]);
        var batch = new TelemetryBatchRequest(Heartbeats: [heartbeat]);
        // The rules judge heartbeats by their own times, so a retry after a transient 503 changes nothing they see.
        using var response = await TransientRetry.SendAsync(() => TelemetryUploads.PostAsync(device, batch), Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"heartbeat answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Cancel)}");
    }

    /// <summary>What the server does on its timers, in order: store what is queued, roll it up, evaluate the rules.</summary>
    public async Task EvaluateAsync()
    {
        await TelemetryDevice.WaitForWriterAsync(fixture);
        // Rollups take points received before now: step past the last write.
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await fixture.Server.Services.GetRequiredService<TelemetryMaintenance>().RunOnceAsync(Cancel));
        Assert.True(await fixture.Server.Services.GetRequiredService<HealthEvaluator>().RunOnceAsync(Cancel));
    }

    public Task<DeviceHealthResponse> HealthAsync(FleetDevice device) => Owner.HealthRules.DeviceAsync(device.Device.Id.ToString(), Cancel);

    public async Task<IReadOnlyList<EventResponse>> EventsAsync(string type, FleetDevice device) =>
        (await Owner.Events.ListAsync(new ListOptions(Search: $"type:'{type}' and resource_id:'{device.Device.Id}'"), Cancel)).Data;
}
