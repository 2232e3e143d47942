using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Hangar.EndToEnd.Tests;

/// <summary>
/// Updates that do not end the ordinary way, with the server, the CLI and the published agent: a download whose
/// release is halted ends <c>aborted</c> (the agent stops and keeps nothing), and an install cut by killing the agent
/// is retried and committed without counting as a failure toward the release's automatic halt.
/// </summary>
public sealed class AgentStoppedUpdateTests() : OtaWorldTest("hangar-e2e-stopped-")
{
    [Fact]
    public async Task Agent_ReleaseHaltedDuringTheDownload_EndsAbortedAndKeepsNothing()
    {
        const int Size = 24 * 1024 * 1024;
        var config = await World.ProvisionAsync("gw-halt-1", config =>
            config["downloads"] = new JsonObject { ["max_bytes_per_second"] = 1024 * 1024, ["stall_timeout_seconds"] = 30 });
        var home = Path.GetDirectoryName(config)!;
        var (release, binary) = await World.ReleaseAsync("2.0.0", RandomNumberGenerator.GetBytes(Size));
        await using var agent = OtaWorld.StartAgent(config);
        var partial = Path.Combine(home, "cache", "partial", binary);
        await WaitUntilAsync(() => File.Exists(partial) && new FileInfo(partial).Length >= Size / 12, agent);

        await World.CliAsync("releases", "halt", release, "--reason", "bad batch");

        await World.WaitForStateAsync("gw-halt-1", release, "aborted", agent, StepTimeout);
        await WaitUntilAsync(() => agent.Output.Contains("The server stopped update", StringComparison.Ordinal) && !File.Exists(partial), agent);
        Assert.False(File.Exists(Path.Combine(home, "slots", "trial")));
        Assert.False(File.Exists(Path.Combine(home, "slots", "b", "app.bin")));
        var stats = await World.CliJsonAsync("releases", "stats", release);
        Assert.Equal(1, stats.GetProperty("states").GetProperty("aborted").GetInt32());
        Assert.Equal(0, await agent.StopAsync(Cancel));
    }

    [Fact]
    public async Task Agent_KilledDuringTheInstallThenRetried_CommitsWithoutTrippingTheFailurePolicy()
    {
        var config = await World.ProvisionAsync("gw-cut-install");
        var image = Encoding.ASCII.GetBytes("version 2.0.0\n");
        // Halts at the first device whose update ends failed: a counted interruption would halt the release.
        var (release, _) = await World.ReleaseAsync("2.0.0", image, "--halt-failure-rate", "1", "--halt-minimum-devices", "1");
        RunningProcess? victim = null;
        await using (victim = OtaWorld.StartAgent(config, line =>
        {
            if (line.Contains("State saved", StringComparison.Ordinal) && line.Contains("pending Installing", StringComparison.Ordinal))
            {
                SpinWait.SpinUntil(() => Volatile.Read(ref victim) is not null);
                victim!.KillNow();
            }
        }))
        {
            await victim.WaitForExitAsync(Cancel).WaitAsync(StepTimeout, Cancel);
        }

        await using var restarted = OtaWorld.StartAgent(config);
        await World.WaitForStateAsync("gw-cut-install", release, "committed", restarted, StepTimeout);

        var states = (await World.TransitionsAsync("gw-cut-install")).Where(t => t.Release == release).ToList();
        var failed = Assert.Single(states, t => t.State == "failed");
        Assert.StartsWith("the install was interrupted by a restart", failed.Reason, StringComparison.Ordinal);
        Assert.Equal("downloading", states[states.IndexOf(failed) + 1].State);
        var recorded = await World.CliJsonAsync("releases", "get", release);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, recorded.GetProperty("halted_at").ValueKind);
        var slots = Path.Combine(Path.GetDirectoryName(config)!, "slots");
        Assert.Equal("b", (await File.ReadAllTextAsync(Path.Combine(slots, "active"), Cancel)).Trim());
        Assert.Equal(image, await File.ReadAllBytesAsync(Path.Combine(slots, "b", "app.bin"), Cancel));
        await restarted.WaitForAsync("Pending install check", StepTimeout, Cancel);
        Assert.Equal(0, await restarted.StopAsync(Cancel));
    }

    private static async Task WaitUntilAsync(Func<bool> condition, RunningProcess agent)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < StepTimeout && !agent.HasExited, $"condition not met; agent output:\n{agent.Output}");
            await Task.Delay(20, Cancel);
        }
    }
}
