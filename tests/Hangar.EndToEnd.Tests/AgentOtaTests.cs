using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Hangar.EndToEnd.Tests;

/// <summary>
/// Over-the-air updates end to end with real processes: the server, the CLI and the published NativeAOT agent in
/// simulated A/B slot mode. A healthy release is committed, a release that fails its health check is rolled back
/// with the old slot active, and a release whose download is cut by killing the agent resumes and commits.
/// </summary>
public sealed partial class AgentOtaTests() : OtaWorldTest("hangar-e2e-ota-")
{
    [Fact]
    public async Task Agent_HealthyThenBrokenThenInterruptedRelease_CommitsRollsBackAndResumes()
    {
        const int ThirdSize = 24 * 1024 * 1024;
        var config = await World.ProvisionAsync("gw-ota-1", config =>
            config["downloads"] = new JsonObject { ["max_bytes_per_second"] = 4 * 1024 * 1024, ["stall_timeout_seconds"] = 30 });
        var slots = Path.Combine(Path.GetDirectoryName(config)!, "slots");
        var cache = Path.Combine(Path.GetDirectoryName(config)!, "cache");

        var healthy = Encoding.ASCII.GetBytes("version 2.0.0: healthy\n");
        var (first, _) = await World.ReleaseAsync("2.0.0", healthy);
        var agent = OtaWorld.StartAgent(config);
        try
        {
            await World.WaitForStateAsync("gw-ota-1", first, "committed", agent, StepTimeout);
            Assert.Equal(healthy, await File.ReadAllBytesAsync(Path.Combine(slots, "b", "app.bin"), Cancel));
            Assert.Equal("b", await MarkerAsync(slots, "active"));

            var (second, _) = await World.ReleaseAsync("3.0.0", Encoding.ASCII.GetBytes("version 3.0.0: BROKEN\n"));
            await World.WaitForStateAsync("gw-ota-1", second, "rolled_back", agent, StepTimeout);
            Assert.Equal("b", await MarkerAsync(slots, "active"));
            Assert.False(File.Exists(Path.Combine(slots, "trial")));
            var rolledBack = (await World.TransitionsAsync("gw-ota-1")).Last(t => t.Release == second);
            Assert.StartsWith("health check command failed", rolledBack.Reason, StringComparison.Ordinal);

            var large = RandomNumberGenerator.GetBytes(ThirdSize);
            var (third, binary) = await World.ReleaseAsync("4.0.0", large);
            var partial = Path.Combine(cache, "partial", binary);
            await WaitUntilAsync(() => File.Exists(partial) && new FileInfo(partial).Length >= ThirdSize / 4, agent);
            await agent.KillAsync(Cancel);
            var cut = new FileInfo(partial).Length;
            Assert.InRange(cut, ThirdSize / 4, ThirdSize - 1);
            await agent.DisposeAsync();

            agent = OtaWorld.StartAgent(config);
            await World.WaitForStateAsync("gw-ota-1", third, "committed", agent, StepTimeout);
            Assert.Equal(large, await File.ReadAllBytesAsync(Path.Combine(slots, "a", "app.bin"), Cancel));
            Assert.Equal("a", await MarkerAsync(slots, "active"));
            var fetched = long.Parse(FetchedLine().Match(agent.Output).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(fetched, 1, ThirdSize - cut);

            var device = (await World.Client.Devices.ListAsync(new Client.ListOptions(Search: "identifier:'gw-ota-1'"), Cancel)).Data.Single();
            Assert.Equal((Guid.Parse(third), "4.0.0"), (device.ReportedReleaseId, device.ReportedReleaseVersion));
            Assert.Equal(0, await agent.StopAsync(Cancel));
        }
        finally
        {
            await agent.DisposeAsync();
        }
    }

    private static async Task<string> MarkerAsync(string slots, string name) => (await File.ReadAllTextAsync(Path.Combine(slots, name), Cancel)).Trim();

    private static async Task WaitUntilAsync(Func<bool> condition, RunningProcess agent)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < StepTimeout && !agent.HasExited, $"condition not met; agent output:\n{agent.Output}");
            await Task.Delay(20, Cancel);
        }
    }

    [GeneratedRegex(@"Downloaded [0-9a-f-]+: (\d+) of 25165824 bytes fetched")]
    private static partial Regex FetchedLine();
}
