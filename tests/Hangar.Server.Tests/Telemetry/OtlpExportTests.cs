using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using Hangar.Contracts.Common;
using Hangar.Contracts.Devices;
using Hangar.Server.Tests.Firmware;
using Hangar.Server.Tests.Fixtures;
using Hangar.Testing;

namespace Hangar.Server.Tests.Telemetry;

/// <summary>
/// OTLP export to a real collector over HTTP (protobuf): the update check's span arrives with the request id of the
/// request that ran it, metrics arrive too, the hashing worker's background job is a span with its binary and outcome; a collector that is down changes nothing for requests.
/// </summary>
public sealed class OtlpExportTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UpdateCheckSpan_WithTheRequestId_AndMetrics_ArriveAtTheCollector()
    {
        await using var collector = await OtlpCollector.StartAsync();
        await using var server = await HangarTestServer.StartAsync(DatabaseKind.Sqlite, new Dictionary<string, string?>
        {
            ["Observability:Otlp:Endpoint"] = collector.Url.ToString(),
            ["Observability:Otlp:ExportIntervalMilliseconds"] = "500",
        }, Cancel);
        var device = await DeviceAsync(server);

        using var http = server.CreateHttpClient(server.Bootstrap!.ApiKey);
        using var checkedNow = await http.PostAsync($"api/v1/devices/{device.Id}/update", Api.Json("""{"release_version":"1.0.0"}"""), Cancel);
        Assert.Equal(HttpStatusCode.OK, checkedNow.StatusCode);
        var requestId = checkedNow.Headers.GetValues(HangarHeaders.RequestId).Single();

        await WaitForAsync(() => collector.Received("/v1/traces", "hangar.update.check", requestId, device.Id.ToString()), () =>
            $"arrived: {collector.Summary}; span name {collector.Received("/v1/traces", "hangar.update.check")}, request id {collector.Received("/v1/traces", requestId)}");
        await WaitForAsync(() => collector.Received("/v1/metrics", "hangar.database.command.duration"), () => $"arrived: {collector.Summary}");
    }

    [Fact]
    public async Task HashingJob_IsASpanOfItsOwn_WithTheBinaryAndItsOutcome()
    {
        await using var collector = await OtlpCollector.StartAsync();
        await using var server = await HangarTestServer.StartAsync(DatabaseKind.Sqlite, new Dictionary<string, string?>
        {
            ["Observability:Otlp:Endpoint"] = collector.Url.ToString(),
            ["Observability:Otlp:ExportIntervalMilliseconds"] = "500",
        }, Cancel);

        var content = RandomNumberGenerator.GetBytes(4096);
        var binary = await FirmwareBuilder.SignableAsync(server.CreateClient(server.Bootstrap!.ApiKey), content, partSize: content.Length);

        await WaitForAsync(() => collector.Received("/v1/traces", "hangar.binary.hashing", binary.Id.ToString(), "signable"), () =>
            $"arrived: {collector.Summary}; span name {collector.Received("/v1/traces", "hangar.binary.hashing")}");
    }

    [Fact]
    public async Task CollectorDown_RequestsAreServedAsUsual()
    {
        // Nothing listens on port 1: every export fails.
        await using var server = await HangarTestServer.StartAsync(DatabaseKind.Sqlite, new Dictionary<string, string?>
        {
            ["Observability:Otlp:Endpoint"] = "http://127.0.0.1:1",
            ["Observability:Otlp:ExportIntervalMilliseconds"] = "100",
        }, Cancel);
        var watch = Stopwatch.StartNew();

        for (var i = 0; i < 5; i++)
        {
            var device = await DeviceAsync(server);
            using var http = server.CreateHttpClient(server.Bootstrap!.ApiKey);
            using var checkedNow = await http.PostAsync($"api/v1/devices/{device.Id}/update", Api.Json("""{"release_version":"1.0.0"}"""), Cancel);
            Assert.Equal(HttpStatusCode.OK, checkedNow.StatusCode);
            await Task.Delay(200, Cancel);
        }

        Assert.Equal("ok", (await server.CreateClient(null).HealthAsync(Cancel)).Status);
        // Each round above is a few requests and a pause; waiting on the collector would take seconds per request.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"served in {watch.Elapsed}");
    }

    private static async Task<DeviceResponse> DeviceAsync(HangarTestServer server)
    {
        var owner = server.CreateClient(server.Bootstrap!.ApiKey);
        var product = await owner.Products.CreateAsync(new CreateProductRequest($"traced-{Guid.CreateVersion7():N}"), cancellationToken: Cancel);
        return await owner.Devices.CreateAsync(new CreateDeviceRequest($"traced-{Guid.CreateVersion7():N}", product.Id.ToString()), cancellationToken: Cancel);
    }

    private static async Task WaitForAsync(Func<bool> condition, Func<string> arrived)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30), $"nothing such arrived at the collector within 30 s; {arrived()}");
            await Task.Delay(100, Cancel);
        }
    }
}
