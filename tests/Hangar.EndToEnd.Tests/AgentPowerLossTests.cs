using System.Text;

namespace Hangar.EndToEnd.Tests;

/// <summary>
/// Power loss on a real device, as near as a test gets: the published agent is SIGKILLed right after its first,
/// second, … state save of a whole update (download, install into the simulated slot, reboot, trial, commit), one
/// run per save with a new device, then started again. Every run must end with the new image committed in the
/// active slot, no trial armed, and exactly one <c>committed</c> report as the device's last word on the release.
/// </summary>
public sealed class AgentPowerLossTests() : OtaWorldTest("hangar-e2e-kill-agent-")
{
    [Fact]
    public async Task Agent_KilledAfterEachStateSave_AlwaysEndsCommittedWithOneReport()
    {
        var image = Encoding.ASCII.GetBytes("version 2.0.0\n");
        var (release, _) = await World.ReleaseAsync("2.0.0", image);
        var saves = await CountSavesAsync(release);
        Assert.True(saves >= 8, $"only {saves} state saves in a whole update");

        var seenStates = new List<string>();
        for (var cut = 1; cut <= saves; cut++)
        {
            var identifier = $"gw-cut-{cut}";
            var config = await World.ProvisionAsync(identifier);
            var seen = 0;
            RunningProcess? victim = null;
            await using (victim = OtaWorld.StartAgent(config, line =>
            {
                if (line.Contains("State saved", StringComparison.Ordinal) && Interlocked.Increment(ref seen) == cut)
                {
                    SpinWait.SpinUntil(() => Volatile.Read(ref victim) is not null);
                    victim!.KillNow();
                }
            }))
            {
                await victim.WaitForExitAsync(Cancel).WaitAsync(StepTimeout, Cancel);
            }

            seenStates.Add(await StateAfterKillAsync(config));
            await using var restarted = OtaWorld.StartAgent(config);
            await World.WaitForStateAsync(identifier, release, "committed", restarted, StepTimeout);
            // Up and past its start (a SIGTERM before the runtime handles it would kill it with 143).
            await restarted.WaitForAsync("Pending install check", StepTimeout, Cancel);
            var context = $"killed after save {cut} of {saves}";
            var stopped = await restarted.StopAsync(Cancel);
            Assert.True(stopped == 0, $"{context}: the restarted agent exited {stopped}:\n{restarted.Output}");

            var slots = Path.Combine(Path.GetDirectoryName(config)!, "slots");
            Assert.True((await File.ReadAllTextAsync(Path.Combine(slots, "active"), Cancel)).Trim() == "b", context);
            Assert.True(!File.Exists(Path.Combine(slots, "trial")), context);
            var installed = await File.ReadAllBytesAsync(Path.Combine(slots, "b", "app.bin"), Cancel);
            Assert.True(image.SequenceEqual(installed), context);
            var states = (await World.TransitionsAsync(identifier)).Select(t => t.State).ToList();
            Assert.True(states.Count(state => state == "committed") == 1 && states[^1] == "committed", $"{context}: {string.Join(", ", states)}");
            Assert.True(!states.Contains("rolled_back"), $"{context}: {string.Join(", ", states)}");
        }

        // Where each kill left the state file (in the test output); the kill lands within microseconds of the save's
        // log line, so run N normally shows generation N: every phase of the install is cut at least once.
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join("\n", seenStates));
    }

    /// <summary>Where the killed agent left its state file: the pending install's phase and the number of queued reports.</summary>
    private static async Task<string> StateAfterKillAsync(string config)
    {
        var path = Path.Combine(Path.GetDirectoryName(config)!, "state", "state.json");
        if (!File.Exists(path))
        {
            return "no state";
        }

        var text = await File.ReadAllTextAsync(path, Cancel);
        var state = System.Text.Json.Nodes.JsonNode.Parse(text[(text.IndexOf('\n', StringComparison.Ordinal) + 1)..])!;
        return $"generation {state["generation"]}: pending {state["pending_commit"]?["phase"]?.ToString() ?? "none"}, {state["reports"]!.AsArray().Count} queued";
    }

    /// <summary>A whole update without interruption, counting the agent's state saves until it committed and reported it.</summary>
    private async Task<int> CountSavesAsync(string release)
    {
        var config = await World.ProvisionAsync("gw-count");
        var saves = 0;
        await using var agent = OtaWorld.StartAgent(config, line =>
        {
            if (line.Contains("State saved", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref saves);
            }
        });
        await World.WaitForStateAsync("gw-count", release, "committed", agent, StepTimeout);
        // The save that drops the delivered committed report follows the delivery.
        while (!agent.Output.Split('\n').Last(line => line.Contains("State saved", StringComparison.Ordinal)).Contains("0 queued reports", StringComparison.Ordinal))
        {
            await Task.Delay(50, Cancel);
        }

        Assert.Equal(0, await agent.StopAsync(Cancel));
        return Volatile.Read(ref saves);
    }
}
