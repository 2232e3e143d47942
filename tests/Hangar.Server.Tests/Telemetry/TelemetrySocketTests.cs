using System.Text.Json;
using Hangar.Contracts;
using Hangar.Contracts.Control;
using Hangar.Contracts.Telemetry;
using Hangar.Server.Tests.Fixtures;
using Hangar.Server.Tests.Presence;

namespace Hangar.Server.Tests.Telemetry;

/// <summary>
/// A <c>telemetry</c> frame on the control socket goes through the intake of <c>POST /device/v1/telemetry</c>: an
/// accepted batch is stored and answered with <c>telemetry_accepted</c>; a batch breaking a limit is answered with
/// <c>telemetry_refused</c> (the HTTP route's status and code) and nothing of it is stored.
/// </summary>
public abstract class TelemetrySocketTests(TelemetryServer fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TelemetryFrame_IsAccepted_AndItsPointsAndHeartbeatAreStored()
    {
        using var device = await TelemetryDevice.CreateAsync(fixture);
        await using var socket = await OpenAsync(device);
        var batch = new TelemetryBatchRequest(
            [new MetricPointRequest("app.queue_length", 3, device.Now, "{item}")],
            [new HeartbeatRequest(device.Now, UptimeSeconds: 7, Load1: 0.25, AgentVersion: "9.9.9")]);

        var answer = await SendAsync(socket, batch, Guid.CreateVersion7());

        Assert.Equal(ControlFrameTypes.TelemetryAccepted, answer.Type);
        Assert.Equal(new TelemetryBatchResponse(3, 1), answer.Data!.Value.Deserialize(HangarDeviceJsonContext.Default.TelemetryBatchResponse));
        Assert.Equal(3, await device.StoredPointsAsync());
        var latest = await device.Fleet.Tenant.Owner.Telemetry.HeartbeatAsync(device.Id.ToString(), Cancel);
        Assert.Equal("9.9.9", latest.Heartbeat.AgentVersion);
    }

    [Fact]
    public async Task TelemetryFrameOverALimit_IsRefusedWithTheHttpCode_AndStoresNothing()
    {
        using var device = await TelemetryDevice.CreateAsync(fixture);
        await using var socket = await OpenAsync(device);
        var tooMany = new TelemetryBatchRequest([.. Enumerable.Range(0, 41).Select(i => new MetricPointRequest("app.value", i, device.Now))]);
        var id = Guid.CreateVersion7();

        var answer = await SendAsync(socket, tooMany, id);

        Assert.Equal(ControlFrameTypes.TelemetryRefused, answer.Type);
        Assert.Equal(id, answer.Id);
        Assert.Equal("telemetry_too_many_points", answer.Code);
        Assert.Equal(413, answer.Data!.Value.Deserialize(HangarDeviceJsonContext.Default.TelemetryRefusalResponse)!.Status);
        Assert.Equal(0, await device.StoredPointsAsync());
    }

    [Fact]
    public async Task TelemetryFrameWithAMalformedName_IsRefusedWithTheFieldAtFault_AndStoresNothing()
    {
        using var device = await TelemetryDevice.CreateAsync(fixture);
        await using var socket = await OpenAsync(device);
        var batch = new TelemetryBatchRequest([new MetricPointRequest("app.good", 1, device.Now), new MetricPointRequest("Bad Name", 1, device.Now)]);

        var answer = await SendAsync(socket, batch, Guid.CreateVersion7());

        Assert.Equal("telemetry_invalid_metric", answer.Code);
        var refusal = answer.Data!.Value.Deserialize(HangarDeviceJsonContext.Default.TelemetryRefusalResponse)!;
        Assert.Equal(400, refusal.Status);
        Assert.True(refusal.Errors!.ContainsKey("metrics[1].name"));
        Assert.Equal(0, await device.StoredPointsAsync());
    }

    [Fact]
    public async Task TelemetryFrameOverTheBodySize_IsRefusedAs413_AndStoresNothing()
    {
        using var device = await TelemetryDevice.CreateAsync(fixture);
        await using var socket = await OpenAsync(device);
        var time = JsonSerializer.Serialize(device.Now);
        // One valid point, made larger than the 8 KiB body limit (and under the 16 KiB frame limit) by whitespace.
        var frame = $$$"""{"type":"telemetry","data":{"metrics":[{"name":"app.value","value":1,"time":{{{time}}}}]}}""" + new string(' ', 9000);

        await socket.SendTextAsync(frame, Cancel);
        var answer = await socket.ReceiveAsync(Cancel);

        Assert.Equal(ControlFrameTypes.TelemetryRefused, answer.Type);
        Assert.Equal("payload_too_large", answer.Code);
        Assert.Equal(0, await device.StoredPointsAsync());
    }

    [Fact]
    public async Task TelemetryFrameWithoutABatch_IsRefusedAs400()
    {
        using var device = await TelemetryDevice.CreateAsync(fixture);
        await using var socket = await OpenAsync(device);

        await socket.SendTextAsync("""{"type":"telemetry","data":{"metrics":[{"name":"app.value","value":"1"}]}}""", Cancel);
        var answer = await socket.ReceiveAsync(Cancel);

        Assert.Equal(ControlFrameTypes.TelemetryRefused, answer.Type);
        Assert.Equal("validation_failed", answer.Code);
        Assert.Equal(0, await device.StoredPointsAsync());
    }

    private async Task<DeviceSocket> OpenAsync(TelemetryDevice device)
    {
        var socket = await DeviceSocket.ConnectAsync(fixture.Server, device.Device.Leaf, Cancel);
        Assert.Equal(ControlFrameTypes.Hello, (await socket.ReceiveAsync(Cancel)).Type);
        return socket;
    }

    private static async Task<ControlFrame> SendAsync(DeviceSocket socket, TelemetryBatchRequest batch, Guid id)
    {
        var frame = new ControlFrame(ControlFrameTypes.Telemetry, id, Data: JsonSerializer.SerializeToElement(batch, HangarDeviceJsonContext.Default.TelemetryBatchRequest));
        await socket.SendTextAsync(JsonSerializer.Serialize(frame, HangarDeviceJsonContext.Default.ControlFrame), Cancel);
        return await socket.ReceiveAsync(Cancel);
    }

    public sealed class OnSqlite(TelemetrySqliteServer fixture) : TelemetrySocketTests(fixture), IClassFixture<TelemetrySqliteServer>;

    public sealed class OnPostgres(TelemetryPostgresServer fixture) : TelemetrySocketTests(fixture), IClassFixture<TelemetryPostgresServer>;
}
