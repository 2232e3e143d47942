using System.Diagnostics;
using System.Text.Json.Nodes;
using Hangar.Contracts.Telemetry;

namespace Hangar.EndToEnd.Tests;

/// <summary>
/// Telemetry with the server process, the CLI and the published agent: the agent's heartbeat (read from this
/// machine's real <c>/proc</c>) and a metric printed by a script in its scripts directory reach the server over the
/// control socket, and read back through <c>GET /api/v1/devices/{id}/metrics</c> and <c>hangar devices metrics</c>.
/// </summary>
public sealed class AgentTelemetryTests() : OtaWorldTest("hangar-e2e-telemetry-")
{
    [Fact]
    public async Task AgentHeartbeatAndScriptMetric_AreStored_AndReadBackThroughTheApiAndTheCli()
    {
        var scripts = Directory.CreateDirectory(Path.Combine(World.Directory, "metrics.d")).FullName;
        var script = Path.Combine(scripts, "queue");
        await File.WriteAllTextAsync(script, "#!/bin/sh\necho 'app.queue_length 7 {item} queue=inbound'\necho 'not a metric line'\n", Cancel);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var config = await World.ProvisionAsync("gw-telemetry-1", c => c["telemetry"] = new JsonObject
        {
            ["interval_seconds"] = 2,
            ["scripts_directory"] = scripts,
        });
        await using var agent = OtaWorld.StartAgent(config);

        var device = await DeviceIdAsync("gw-telemetry-1", agent);
        var uptime = await SeriesAsync(device, "heartbeat.uptime_seconds", agent);
        var queue = await SeriesAsync(device, "app.queue_length", agent);

        Assert.True(uptime.Points[^1].Value > 0, $"uptime {uptime.Points[^1].Value}");
        Assert.Equal("inbound", queue.Labels["queue"]);
        Assert.Equal("{item}", queue.Unit);
        Assert.All(queue.Points, point => Assert.Equal(7, point.Value));
        var heartbeat = await World.Client.Telemetry.HeartbeatAsync(device, Cancel);
        Assert.False(string.IsNullOrEmpty(heartbeat.Heartbeat.AgentVersion));
        Assert.False(string.IsNullOrEmpty(heartbeat.Heartbeat.BootId));
        // The first batches may go over HTTP while the control socket is still connecting; later ones use the socket.
        await agent.WaitForAsync("telemetry points over the control socket", StepTimeout, Cancel);
        Assert.Contains("skipped the line 'not a metric line'", agent.Output, StringComparison.Ordinal);

        var cli = await World.CliJsonAsync("devices", "metrics", device, "--name", "app.queue_length", "--since", "1h");
        var series = Assert.Single(cli.GetProperty("series").EnumerateArray());
        Assert.Equal("inbound", series.GetProperty("labels").GetProperty("queue").GetString());
        Assert.Equal(7, series.GetProperty("points")[0].GetProperty("value").GetDouble());
        var chart = await World.CliAsync("devices", "metrics", device, "--name", "app.queue_length", "--since", "1h", "--chart");
        Assert.Contains("queue=inbound", chart, StringComparison.Ordinal);
    }

    private async Task<string> DeviceIdAsync(string identifier, RunningProcess agent)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            // The device is created by JITP on its first connection.
            var devices = (await World.Client.Devices.ListAsync(new Client.ListOptions(Search: $"identifier:'{identifier}'"), Cancel)).Data;
            if (devices.Count == 1)
            {
                return devices[0].Id.ToString();
            }

            Assert.True(deadline.Elapsed < StepTimeout, $"{identifier} never connected; agent output:\n{agent.Output}");
            await Task.Delay(200, Cancel);
        }
    }

    private async Task<MetricSeriesResponse> SeriesAsync(string device, string name, RunningProcess agent)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var answer = await World.Client.Telemetry.DeviceMetricsAsync(device, name, cancellationToken: Cancel);
            if (answer.Series is [{ Points.Count: > 0 } series])
            {
                return series;
            }

            Assert.True(deadline.Elapsed < StepTimeout, $"{name} never reached the server; agent output:\n{agent.Output}");
            await Task.Delay(500, Cancel);
        }
    }
}
