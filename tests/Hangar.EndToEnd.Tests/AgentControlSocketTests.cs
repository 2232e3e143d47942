using System.Diagnostics;
using System.Text;
using Hangar.Contracts.Devices;

namespace Hangar.EndToEnd.Tests;

/// <summary>
/// The control socket with the server process, the CLI and the published agent: the agent shows online, a pushed
/// check-now makes it find and commit a release created while it sat idle although it polls only hourly, a pushed
/// reboot restarts it (simulated slots: it re-executes itself) and it comes back on a new socket, and once the process
/// is killed the device shows offline and a push is refused with exit 7.
/// </summary>
public sealed class AgentControlSocketTests() : OtaWorldTest("hangar-e2e-socket-")
{
    /// <summary>Logged by the update loop each time it goes idle until its next check (at Debug, which the world enables).</summary>
    private const string Idle = "Next update check in";

    [Fact]
    public async Task Agent_OnlineThenCheckNowThenReboot_ActsOnEachPush_AndOfflineOnceKilled()
    {
        var config = await World.ProvisionAsync("gw-push-1", c =>
        {
            c["polling"]!["interval_seconds"] = 3600;
            c["polling"]!["jitter_seconds"] = 0;
        });
        await using var agent = OtaWorld.StartAgent(config);
        var online = await PresenceAsync("gw-push-1", p => p.Online, agent);
        // Its first check found nothing: from here on only a push can make it check again within the hour.
        await WaitForIdleAsync(agent, after: 0);

        var (release, _) = await World.ReleaseAsync("2.0.0", Encoding.ASCII.GetBytes("version 2.0.0\n"));
        var idleBeforeCheck = Occurrences(agent.Output, Idle);
        var pushed = await World.CliJsonAsync("devices", "check-now", "gw-push-1");
        Assert.Equal("delivered", pushed.GetProperty("delivery").GetString());
        await World.WaitForStateAsync("gw-push-1", release, "committed", agent, StepTimeout);
        Assert.Contains("Server asks for an update check now", agent.Output, StringComparison.Ordinal);

        // The install rebooted the simulated device (a new socket). A reboot is refused while a check runs, so wait
        // until the rebooted agent is online and idle again before pushing one.
        var settled = await PresenceAsync("gw-push-1", p => p.Online && p.ConnectedAt > online.ConnectedAt, agent);
        await WaitForIdleAsync(agent, after: idleBeforeCheck);
        var idleBeforeReboot = Occurrences(agent.Output, Idle);
        await World.CliAsync("devices", "reboot", "gw-push-1", "--yes");
        await PresenceAsync("gw-push-1", p => p.Online && p.ConnectedAt > settled.ConnectedAt, agent);
        Assert.Contains("Rebooting as the server asked", agent.Output, StringComparison.Ordinal);
        await WaitForIdleAsync(agent, after: idleBeforeReboot);

        await agent.KillAsync(Cancel);
        await PresenceAsync("gw-push-1", p => !p.Online, agent);
        await using var refused = World.StartCli(["devices", "check-now", "gw-push-1"]);
        Assert.True(await refused.WaitForExitAsync(Cancel) == 7, $"check-now of an offline device:\n{refused.Output}");
    }

    private static int Occurrences(string output, string text)
    {
        var count = 0;
        for (var at = output.IndexOf(text, StringComparison.Ordinal); at >= 0; at = output.IndexOf(text, at + text.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>Waits until the agent has gone idle more than <paramref name="after"/> times.</summary>
    private static async Task WaitForIdleAsync(RunningProcess agent, int after)
    {
        var deadline = Stopwatch.StartNew();
        while (Occurrences(agent.Output, Idle) <= after)
        {
            Assert.True(deadline.Elapsed < StepTimeout && !agent.HasExited, $"the agent never went idle; output:\n{agent.Output}");
            await Task.Delay(200, Cancel);
        }
    }

    private async Task<DevicePresenceResponse> PresenceAsync(string identifier, Func<DevicePresenceResponse, bool> condition, RunningProcess agent)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var devices = (await World.Client.Devices.ListAsync(new Client.ListOptions(Search: $"identifier:'{identifier}'"), Cancel)).Data;
            if (devices.Count == 1 && condition(devices[0].Presence))
            {
                return devices[0].Presence;
            }

            Assert.True(deadline.Elapsed < StepTimeout, $"{identifier} never reached the presence expected; agent output:\n{agent.Output}");
            await Task.Delay(200, Cancel);
        }
    }
}
