using System.Net.Http.Json;
using Hangar.Client;
using Hangar.Contracts.Telemetry;
using Hangar.Data;
using Hangar.Data.Tenancy;
using Hangar.Server.Tests.Fixtures;
using Hangar.Server.Tests.Updates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hangar.Server.Tests.Telemetry;

/// <summary>A device of its own fleet sending telemetry over mutual TLS, and what the server stored of it.</summary>
internal sealed class TelemetryDevice(ServerFixture fixture, UpdateFleet fleet, FleetDevice device) : IDisposable
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public FleetDevice Device => device;
    public UpdateFleet Fleet => fleet;
    public Guid Id => device.Device.Id;

    public static async Task<TelemetryDevice> CreateAsync(ServerFixture fixture, string identifier = "gw-1")
    {
        var fleet = await UpdateFleet.CreateAsync(fixture);
        return new TelemetryDevice(fixture, fleet, await fleet.DeviceAsync(identifier));
    }

    public Task<HttpResponseMessage> SendAsync(TelemetryBatchRequest batch) =>
        device.Http.PostAsJsonAsync("device/v1/telemetry", batch, ApiTransport.JsonOptions, Cancel);

    public Task<HttpResponseMessage> SendAsync(params MetricPointRequest[] metrics) => SendAsync(new TelemetryBatchRequest(metrics));

    public DateTime Now => ((Microsoft.Extensions.Time.Testing.FakeTimeProvider)fixture.Server.Services.GetRequiredService<TimeProvider>()).GetUtcNow().UtcDateTime;

    /// <summary>The device's stored raw points, once the writer has caught up with everything queued.</summary>
    public async Task<int> StoredPointsAsync()
    {
        await WaitForWriterAsync(fixture);
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
        return await db.TelemetryPoints.Join(db.TelemetrySeries.IgnoreQueryFilters([TenantFilter.Name]), p => p.SeriesId, s => s.Id, (p, s) => s)
            .CountAsync(s => s.DeviceId == Id, Cancel);
    }

    public async Task<int> StoredSeriesAsync()
    {
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
        return await db.TelemetrySeries.IgnoreQueryFilters([TenantFilter.Name]).CountAsync(s => s.DeviceId == Id, Cancel);
    }

    public static async Task WaitForWriterAsync(ServerFixture fixture)
    {
        var queue = fixture.Server.Services.GetRequiredService<Hangar.Server.Features.Telemetry.TelemetryQueue>();
        for (var i = 0; i < 500 && queue.Depth > 0; i++)
        {
            await Task.Delay(10, Cancel);
        }

        Assert.Equal(0, queue.Depth);
    }

    public void Dispose() => device.Dispose();
}
