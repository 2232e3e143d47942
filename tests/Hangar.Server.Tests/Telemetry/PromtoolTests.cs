using System.Diagnostics;
using System.Net.Http.Headers;
using Hangar.Server.Features.Fleet;
using Hangar.Server.Tests.Fixtures;
using Hangar.Server.Tests.Releases;
using Microsoft.Extensions.DependencyInjection;

namespace Hangar.Server.Tests.Telemetry;

/// <summary>
/// The exposition as Prometheus itself reads it: <c>promtool check metrics</c> (installed by
/// scripts/install-test-deps) parses it and lints names, types and help texts; any finding fails the test.
/// </summary>
public abstract class PromtoolTests(MetricsServer fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Exposition_WithEveryKindOfSeries_PassesPromtool()
    {
        var scenario = await ReleaseScenario.StartAsync(fixture);
        await scenario.ChainAsync(1);
        await scenario.DeviceAsync("p0");
        await fixture.Server.Services.GetRequiredService<FleetSnapshotRefresher>().RefreshAsync(Cancel);
        using var http = fixture.Server.CreateHttpClient(null);
        using (await http.GetAsync("metrics", Cancel))
        using (await http.GetAsync("no-such-path", Cancel))
        {
        }

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", MetricsServer.ScrapeToken);
        var exposition = await http.GetStringAsync("metrics", Cancel);
        Assert.Contains("hangar_fleet_devices{", exposition, StringComparison.Ordinal);
        Assert.Contains("hangar_metrics_scrape_refusals_total{", exposition, StringComparison.Ordinal);
        // The server's own instruments (a refused scrape is an authentication failure too).
        foreach (var series in new[] { "hangar_database_command_duration_seconds_bucket{", "hangar_database_available ", "hangar_presence_sockets ",
            "hangar_webhook_deliveries_pending ", "hangar_authentication_failures_total{" })
        {
            Assert.Contains(series, exposition, StringComparison.Ordinal);
        }

        var (exitCode, output) = await PromtoolAsync(exposition);
        Assert.True(exitCode == 0, $"promtool check metrics exited {exitCode}:\n{output}");
    }

    private static async Task<(int ExitCode, string Output)> PromtoolAsync(string exposition)
    {
        var start = new ProcessStartInfo("promtool", ["check", "metrics"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("promtool did not start");
        var stdout = process.StandardOutput.ReadToEndAsync(Cancel);
        var stderr = process.StandardError.ReadToEndAsync(Cancel);
        await process.StandardInput.WriteAsync(exposition);
        process.StandardInput.Close();
        await process.WaitForExitAsync(Cancel);
        return (process.ExitCode, await stdout + await stderr);
    }

    public sealed class OnSqlite(MetricsSqliteServer fixture) : PromtoolTests(fixture), IClassFixture<MetricsSqliteServer>;
}
