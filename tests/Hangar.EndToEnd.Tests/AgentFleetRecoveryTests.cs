using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Hangar.EndToEnd.Tests;

/// <summary>
/// A bad release halted and rolled back in a fleet of three published agents in simulated-slot mode, then a release
/// appended after the rollback reaches every device: the one that committed the bad release (it takes the rollback
/// release first), the one whose trial boot of it failed, and the one that never saw it (its agent was stopped).
/// Agents check at once when they start, so starting them is how the test orders who sees what.
/// </summary>
public sealed class AgentFleetRecoveryTests() : OtaWorldTest("hangar-e2e-fleet-")
{
    private const string Updated = "gw-fleet-updated";
    private const string RolledBack = "gw-fleet-rolled-back";
    private const string NeverUpdated = "gw-fleet-never-updated";

    [Fact]
    public async Task Agents_BadReleaseHaltedAndRolledBackThenNextRelease_EveryDeviceCommitsIt()
    {
        var configs = new Dictionary<string, string>
        {
            [Updated] = await World.ProvisionAsync(Updated),
            // Only this device finds the bad release unhealthy; the others' health check looks for BROKEN.
            [RolledBack] = await World.ProvisionAsync(RolledBack, config => config["boot"]!["health_check_command"] =
                new JsonArray("/bin/sh", "-c", "! grep -q BAD \"$HANGAR_SLOT_DIRECTORY/app.bin\"")),
            [NeverUpdated] = await World.ProvisionAsync(NeverUpdated),
        };
        var agents = new Dictionary<string, RunningProcess>();
        try
        {
            var good = Encoding.ASCII.GetBytes("version 2.0.0\n");
            var (v2, _) = await World.ReleaseAsync("2.0.0", good);
            foreach (var (identifier, config) in configs)
            {
                agents[identifier] = OtaWorld.StartAgent(config);
            }

            await Task.WhenAll(configs.Keys.Select(identifier => World.WaitForStateAsync(identifier, v2, "committed", agents[identifier], StepTimeout)));

            // The bad release: the updated device commits it before the second device starts and fails its trial
            // boot; the third device's agent stays stopped until the bad release is gone.
            Assert.Equal(0, await agents[RolledBack].StopAsync(Cancel));
            Assert.Equal(0, await agents[NeverUpdated].StopAsync(Cancel));
            var (v3, _) = await World.ReleaseAsync("3.0.0", Encoding.ASCII.GetBytes("version 3.0.0: BAD\n"));
            await World.WaitForStateAsync(Updated, v3, "committed", agents[Updated], StepTimeout);
            await Restart(RolledBack);
            await World.WaitForStateAsync(RolledBack, v3, "rolled_back", agents[RolledBack], StepTimeout);
            var failure = (await World.TransitionsAsync(RolledBack)).Last(t => t.Release == v3);
            Assert.StartsWith("health check command failed", failure.Reason, StringComparison.Ordinal);
            // Halted at once: the failed device retries the same update only after a polling interval.
            await World.CliAsync("releases", "halt", v3, "--reason", "trial boots fail");
            var rollback = (await World.CliJsonAsync("releases", "rollback", v3, "--reason", "trial boots fail")).GetProperty("id").GetString()!;

            await World.WaitForStateAsync(Updated, rollback, "committed", agents[Updated], StepTimeout);
            Assert.Equal(Digest(good), await ActiveDigestAsync(Updated));

            var next = Encoding.ASCII.GetBytes("version 4.0.0\n");
            var (v4, _) = await World.ReleaseAsync("4.0.0", next);
            await Restart(NeverUpdated);
            await Task.WhenAll(configs.Keys.Select(identifier => World.WaitForStateAsync(identifier, v4, "committed", agents[identifier], StepTimeout)));

            foreach (var identifier in configs.Keys)
            {
                Assert.Equal(Digest(next), await ActiveDigestAsync(identifier));
                var device = (await World.Client.Devices.ListAsync(new Client.ListOptions(Search: $"identifier:'{identifier}'"), Cancel)).Data.Single();
                Assert.Equal((Guid.Parse(v4), "4.0.0"), (device.ReportedReleaseId, device.ReportedReleaseVersion));
            }

            Assert.Equal([(v2, "committed"), (v3, "committed"), (rollback, "committed"), (v4, "committed")], await UpdatesAsync(Updated));
            // Running v2's bundle puts these two on the rollback release: it is never offered to them.
            Assert.Equal([(v2, "committed"), (v3, "rolled_back"), (v4, "committed")], await UpdatesAsync(RolledBack));
            Assert.Equal([(v2, "committed"), (v4, "committed")], await UpdatesAsync(NeverUpdated));
            foreach (var (identifier, agent) in agents)
            {
                Assert.True(await agent.StopAsync(Cancel) == 0, $"{identifier} did not stop cleanly:\n{agent.Output}");
            }
        }
        finally
        {
            foreach (var agent in agents.Values)
            {
                await agent.DisposeAsync();
            }
        }

        async Task Restart(string identifier)
        {
            await agents[identifier].DisposeAsync();
            agents[identifier] = OtaWorld.StartAgent(configs[identifier]);
        }

        async Task<string> ActiveDigestAsync(string identifier)
        {
            var slots = Path.Combine(Path.GetDirectoryName(configs[identifier])!, "slots");
            var active = (await File.ReadAllTextAsync(Path.Combine(slots, "active"), Cancel)).Trim();
            return Digest(await File.ReadAllBytesAsync(Path.Combine(slots, active, "app.bin"), Cancel));
        }
    }

    /// <summary>What <c>hangar devices updates</c> lists for the device, oldest first: release and state.</summary>
    private async Task<List<(string Release, string State)>> UpdatesAsync(string identifier)
    {
        var device = (await World.Client.Devices.ListAsync(new Client.ListOptions(Search: $"identifier:'{identifier}'"), Cancel)).Data.Single();
        var updates = await World.CliJsonAsync("devices", "updates", device.Id.ToString(), "--limit", "50");
        return [.. updates.GetProperty("data").EnumerateArray()
            .OrderBy(update => update.GetProperty("offered_at").GetDateTime())
            .Select(update => (update.GetProperty("release_id").GetString()!, update.GetProperty("state").GetString()!))];
    }

    private static string Digest(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
