using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using Hangar.Client;
using Hangar.Contracts.Telemetry;
using Hangar.Testing.Pki;
using Xunit;

namespace Hangar.Cli.Tests;

/// <summary>
/// <c>devices metrics</c> against a real server fed by a real device over mutual TLS: the table (one row per series
/// and step), the chart (one line per series, a gap where a step has no data) and what it refuses before calling.
/// </summary>
public sealed class DevicesMetricsCommandTests(CliServerFixture fixture) : IClassFixture<CliServerFixture>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hangar-metrics-test-").FullName;

    [Fact]
    public async Task Table_OneRowPerSeriesAndStep()
    {
        var (cli, deviceId, start) = await DeviceWithPointsAsync("metrics table org");
        using var _ = cli;

        var table = (await cli.RunAsync("devices", "metrics", deviceId, "--name", "app.fan_rpm", "--since", "1h", "--step", "30s")).Succeeded();

        var rows = Cells(table.Stdout).Where(cells => cells[0].StartsWith("fan=", StringComparison.Ordinal)).Select(cells => string.Join(" ", cells)).Order(StringComparer.Ordinal);
        Assert.Equal(
            [$"fan=a {Utc(start)} 10", $"fan=a {Utc(start.AddSeconds(30))} 20", $"fan=a {Utc(start.AddSeconds(90))} 40", $"fan=b {Utc(start)} 5"],
            rows);
    }

    [Fact]
    public async Task Chart_OneLinePerSeries_WithMinMaxLastAndAGapForTheEmptyStep()
    {
        var (cli, deviceId, _) = await DeviceWithPointsAsync("metrics chart org");
        using var __ = cli;

        var chart = (await cli.RunAsync("devices", "metrics", deviceId, "--name", "app.fan_rpm", "--step", "30s", "--agg", "max", "--chart")).Succeeded();

        var fanA = Assert.Single(chart.Stdout.Split('\n'), line => line.Contains("fan=a", StringComparison.Ordinal));
        Assert.Contains("▁▃ █", fanA, StringComparison.Ordinal);
        Assert.Equal(["fan=a", "10", "40", "40"], Assert.Single(Cells(chart.Stdout), cells => cells[0] == "fan=a").Take(4));
        Assert.Equal(["fan=b", "5", "5", "5"], Assert.Single(Cells(chart.Stdout), cells => cells[0] == "fan=b").Take(4));
    }

    [Theory]
    [InlineData("--since", "2w", "--since must be a whole number")]
    [InlineData("--agg", "median", "median")]
    public async Task InvalidWindowOrAggregation_ExitsUsageError_WithoutCallingTheServer(string option, string value, string message)
    {
        using var cli = new CliSandbox();
        cli.Environment[EnvironmentVariables.Url] = "https://127.0.0.1:9";
        cli.Environment[EnvironmentVariables.ApiKey] = "unused";

        var result = await cli.RunAsync("devices", "metrics", "gw-1", "--name", "app.fan_rpm", option, value);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>The table's lines as their cells (borders and padding dropped).</summary>
    private static IEnumerable<string[]> Cells(string stdout) =>
        stdout.Split('\n').Select(line => line.Split([' ', '│', '|'], StringSplitOptions.RemoveEmptyEntries)).Where(cells => cells.Length > 0);

    private static string Utc(DateTime time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// A device with a certificate that sent app.fan_rpm: series fan=a at start, +30 s and +90 s (10, 20, 40; the step
    /// at +60 s stays empty) and series fan=b once (5); returns once the server answers with all of it.
    /// </summary>
    private async Task<(CliSandbox Cli, string DeviceId, DateTime Start)> DeviceWithPointsAsync(string organization)
    {
        var apiKey = await fixture.NewOrganizationAsync(organization);
        var cli = fixture.Cli(apiKey);
        (await cli.RunAsync("products", "create", "--name", "gw")).Succeeded();
        var deviceId = (await cli.RunAsync("devices", "create", "--identifier", "gw-1", "--product", "gw", "-o", "json")).Succeeded().Json().GetProperty("id").GetString()!;
        var ca = Path.Combine(_directory, organization, "ca");
        var files = Path.Combine(_directory, organization, "gw-1");
        (await cli.RunAsync("x509", "ca", "create", "--out", ca)).Succeeded();
        (await cli.RunAsync("x509", "device", "create", "--ca-cert", Path.Combine(ca, "ca.crt"), "--ca-key", Path.Combine(ca, "ca.key"), "--identifier", "gw-1", "--out", files)).Succeeded();
        (await cli.RunAsync("device-certificates", "create", "--device", deviceId, "--cert", Path.Combine(files, "device.crt"))).Succeeded();

        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var start = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc).AddMinutes(-10);
        Dictionary<string, string> a = new() { ["fan"] = "a" }, b = new() { ["fan"] = "b" };
        using var certificate = X509Certificate2.CreateFromPemFile(Path.Combine(files, "device.crt"), Path.Combine(files, "device.key"));
        using var device = DeviceHttp.Create(fixture.Server, certificate);
        using var sent = await device.PostAsJsonAsync("device/v1/telemetry", new TelemetryBatchRequest(
        [
            new("app.fan_rpm", 10, start, "rpm", a), new("app.fan_rpm", 20, start.AddSeconds(30), "rpm", a),
            new("app.fan_rpm", 40, start.AddSeconds(90), "rpm", a), new("app.fan_rpm", 5, start, "rpm", b),
        ]), ApiTransport.JsonOptions, TestContext.Current.CancellationToken);
        sent.EnsureSuccessStatusCode();

        // The server writes telemetry behind its answer, from a queue.
        for (var attempt = 0; await StoredPointsAsync(apiKey, deviceId) < 4; attempt++)
        {
            Assert.True(attempt < 200, "the server did not store the points within 10 s");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        return (cli, deviceId, start);
    }

    private Task<int> StoredPointsAsync(string apiKey, string deviceId) =>
        fixture.WithClientAsync(apiKey, async client =>
            (await client.Telemetry.DeviceMetricsAsync(deviceId, "app.fan_rpm", step: "30s", cancellationToken: TestContext.Current.CancellationToken))
            .Series.Sum(s => s.Points.Count));
}
