using System.Net;
using System.Net.Http.Json;
using Hangar.Client;
using Hangar.Contracts.Telemetry;
using Hangar.Server.Tests.Fixtures;

namespace Hangar.Server.Tests.Telemetry;

/// <summary>
/// <c>POST /device/v1/telemetry</c>: an accepted batch is stored (points and the latest heartbeat); each limit refuses
/// the whole batch with its own code and stores nothing of it.
/// </summary>
public abstract class TelemetryIntakeTests(TelemetryServer fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Batch_IsAccepted_AndItsPointsAndHeartbeatAreStored()
    {
        using var device = await TelemetryDevice.CreateAsync(fixture);
        var heartbeat = new HeartbeatRequest(device.Now, UptimeSeconds: 42, Load1: 0.5, Disks: [new HeartbeatDisk("/data", 1000, 250)], AgentVersion: "1.2.3", BootId: "b-1");

        using var response = await device.SendAsync(new TelemetryBatchRequest(
            [new MetricPointRequest("app.queue_length", 3, device.Now, "{item}", new Dictionary<string, string> { ["queue"] = "in" }),
             new MetricPointRequest("app.queue_length", 4, device.Now.AddSeconds(-1), "{item}", new Dictionary<string, string> { ["queue"] = "in" })],
            [heartbeat]));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var answer = (await response.Content.ReadFromJsonAsync<TelemetryBatchResponse>(ApiTransport.JsonOptions, Cancel))!;
        // Two metrics, and the heartbeat's uptime, load1 and the disk's total bytes, available bytes and used percent.
        Assert.Equal(new TelemetryBatchResponse(7, 1), answer);
        Assert.Equal(7, await device.StoredPointsAsync());
        Assert.Equal(6, await device.StoredSeriesAsync());
        var latest = await device.Fleet.Tenant.Owner.Telemetry.HeartbeatAsync(device.Id.ToString(), Cancel);
        Assert.Equal("1.2.3", latest.Heartbeat.AgentVersion);
        Assert.Equal(42, latest.Heartbeat.UptimeSeconds);
    }

    [Fact]
    public async Task BodyOverTheSizeLimit_Is413_AndStoresNothing()
    {
        using var device = await TelemetryDevice.CreateAsync(fixture);
        var time = device.Now.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        // A valid batch of one point, made larger than the 8 KiB limit by whitespace.
        var body = $$"""{"metrics":[{"name":"app.value","value":1,"time":"{{time}}"}]}""" + new string(' ', 8192);

        using var response = await device.Device.Http.PostAsync("device/v1/telemetry", Api.Json(body), Cancel);

        await AssertRefusedAsync(device, response, HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Fact]
    public async Task ChunkedBodyOverTheSizeLimit_Is413_AndStoresNothing()
    {
        using var device = await TelemetryDevice.CreateAsync(fixture);
        var time = device.Now.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        var body = $$"""{"metrics":[{"name":"app.value","value":1,"time":"{{time}}"}]}""" + new string(' ', 8192);
        // No Content-Length: the limit can only be seen while the body arrives.
        using var content = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(body)));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "device/v1/telemetry") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await device.Device.Http.SendAsync(request, Cancel);

        await AssertRefusedAsync(device, response, HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Theory]
    [InlineData("""{"metrics":[{"name":"app.value","value":""")]
    [InlineData("""{"metrics":[{"name":"app.value","value":"high","time":"2026-12-06T00:00:00Z"}]}""")]
    [InlineData("")]
    public async Task MalformedJson_Is400_AndStoresNothing(string body)
    {
        using var device = await TelemetryDevice.CreateAsync(fixture);

        using var response = await device.Device.Http.PostAsync("device/v1/telemetry", Api.Json(body), Cancel);

        await AssertRefusedAsync(device, response, HttpStatusCode.BadRequest, "invalid_json");
    }

    [Fact]
    public async Task TooManyPoints_Is413_AndStoresNothing()
    {
        using var device = await TelemetryDevice.CreateAsync(fixture);

        using var response = await device.SendAsync([.. Enumerable.Range(0, 41).Select(i => new MetricPointRequest("app.value", i, device.Now))]);

        await AssertRefusedAsync(device, response, HttpStatusCode.RequestEntityTooLarge, "telemetry_too_many_points");
    }

    [Theory]
    [InlineData("App.Value", null, null)]
    [InlineData("app value", null, null)]
    [InlineData("heartbeat.load1", null, null)]
    [InlineData("app.a_name_longer_than_thirty_two_chars", null, null)]
    [InlineData("app.value", "Key", "v")]
    [InlineData("app.value", "key", "a value far too long")]
    [InlineData("app.value", "key", "")]
    public async Task MalformedNameOrLabel_Is400_AndStoresNothing(string name, string? key, string? value)
    {
        using var device = await TelemetryDevice.CreateAsync(fixture);
        var labels = key is null ? null : new Dictionary<string, string> { [key] = value! };

        using var response = await device.SendAsync(new MetricPointRequest("app.good", 1, device.Now), new MetricPointRequest(name, 1, device.Now, Labels: labels));

        var problem = await AssertRefusedAsync(device, response, HttpStatusCode.BadRequest, "telemetry_invalid_metric");
        Assert.Contains(problem.Errors!.Keys, field => field.StartsWith("metrics[1].", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TooManyLabels_Is400_AndStoresNothing()
    {
        using var device = await TelemetryDevice.CreateAsync(fixture);
        var labels = new Dictionary<string, string> { ["a"] = "1", ["b"] = "2", ["c"] = "3", ["d"] = "4" };

        using var response = await device.SendAsync(new MetricPointRequest("app.value", 1, device.Now, Labels: labels));

        var problem = await AssertRefusedAsync(device, response, HttpStatusCode.BadRequest, "telemetry_invalid_metric");
        Assert.True(problem.Errors!.ContainsKey("metrics[0].labels"));
    }

    [Theory]
    [InlineData(-24 * 3600 - 1)]
    [InlineData(301)]
    public async Task TimeTooFarFromTheClock_Is400_AndStoresNothing(int offsetSeconds)
    {
        using var device = await TelemetryDevice.CreateAsync(fixture);

        using var response = await device.SendAsync(new MetricPointRequest("app.value", 1, device.Now), new MetricPointRequest("app.value", 2, device.Now.AddSeconds(offsetSeconds)));

        var problem = await AssertRefusedAsync(device, response, HttpStatusCode.BadRequest, "telemetry_time_out_of_range");
        Assert.True(problem.Errors!.ContainsKey("metrics[1].time"));
    }

    [Fact]
    public async Task MoreNamesThanTheDeviceMayHave_Is422_AndStoresNothing()
    {
        using var device = await TelemetryDevice.CreateAsync(fixture);
        using var first = await device.SendAsync([.. Enumerable.Range(0, 5).Select(i => new MetricPointRequest($"app.m{i}", i, device.Now))]);
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);

        using var response = await device.SendAsync(new MetricPointRequest("app.m0", 9, device.Now), new MetricPointRequest("app.m5", 1, device.Now), new MetricPointRequest("app.m6", 1, device.Now));

        await AssertRefusedAsync(device, response, HttpStatusCode.UnprocessableEntity, "telemetry_name_limit", storedBefore: 5);
        Assert.Equal(5, await device.StoredSeriesAsync());
    }

    [Fact]
    public async Task MoreSeriesThanTheDeviceMayHave_Is422_AndStoresNothing()
    {
        using var device = await TelemetryDevice.CreateAsync(fixture);
        static Dictionary<string, string> Labels(int i) => new() { ["request"] = $"r{i}" };

        using var response = await device.SendAsync([.. Enumerable.Range(0, 9).Select(i => new MetricPointRequest("app.latency", i, device.Now, Labels: Labels(i)))]);

        await AssertRefusedAsync(device, response, HttpStatusCode.UnprocessableEntity, "telemetry_series_limit");
        Assert.Equal(0, await device.StoredSeriesAsync());
    }

    [Fact]
    public async Task MorePointsThanTheDevicesBudget_Is429WithRetryAfter_AndStoresNothing()
    {
        using var device = await TelemetryDevice.CreateAsync(fixture);
        for (var i = 0; i < 2; i++)
        {
            using var accepted = await device.SendAsync([.. Enumerable.Range(0, 40).Select(j => new MetricPointRequest("app.value", j, device.Now))]);
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }

        using var response = await device.SendAsync([.. Enumerable.Range(0, 40).Select(j => new MetricPointRequest("app.value", j, device.Now))]);

        await AssertRefusedAsync(device, response, HttpStatusCode.TooManyRequests, "telemetry_rate_limited", storedBefore: 80);
        Assert.NotNull(response.Headers.RetryAfter);
    }

    private static async Task<Contracts.Common.ProblemResponse> AssertRefusedAsync(
        TelemetryDevice device, HttpResponseMessage response, HttpStatusCode status, string code, int storedBefore = 0)
    {
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Cancel)}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ProblemAsync();
        Assert.Equal(code, problem.Code);
        Assert.Equal(storedBefore, await device.StoredPointsAsync());
        return problem;
    }

    public sealed class OnSqlite(TelemetrySqliteServer fixture) : TelemetryIntakeTests(fixture), IClassFixture<TelemetrySqliteServer>;

    public sealed class OnPostgres(TelemetryPostgresServer fixture) : TelemetryIntakeTests(fixture), IClassFixture<TelemetryPostgresServer>;
}
