using System.Security.Cryptography;
using System.Text;

namespace Hangar.EndToEnd.Tests;

/// <summary>
/// Going back to a release the device ran before, with the server, the CLI and the published agent in simulated-slot
/// mode: v1 → v2 → <c>hangar releases rollback</c> puts v1's bytes back in the active slot (checked by digest, without
/// a download: the inactive slot held them), and the release appended after the rollback is offered and committed.
/// </summary>
public sealed class AgentRollbackTests() : OtaWorldTest("hangar-e2e-rollback-")
{
    [Fact]
    public async Task Agent_V1ThenV2ThenRollbackThenV3_RunsV1sBytesAgainThenCommitsV3()
    {
        var config = await World.ProvisionAsync("gw-back-1");
        var slots = Path.Combine(Path.GetDirectoryName(config)!, "slots");
        var v1 = Encoding.ASCII.GetBytes("version 2.0.0\n");
        var (first, _) = await World.ReleaseAsync("2.0.0", v1);
        await using var agent = OtaWorld.StartAgent(config);
        await World.WaitForStateAsync("gw-back-1", first, "committed", agent, StepTimeout);
        var (second, _) = await World.ReleaseAsync("3.0.0", Encoding.ASCII.GetBytes("version 3.0.0\n"));
        await World.WaitForStateAsync("gw-back-1", second, "committed", agent, StepTimeout);
        Assert.Equal("a", await MarkerAsync(slots, "active"));

        var rollback = (await World.CliJsonAsync("releases", "rollback", second, "--reason", "field failures")).GetProperty("id").GetString()!;
        await World.WaitForStateAsync("gw-back-1", rollback, "committed", agent, StepTimeout);

        var active = await MarkerAsync(slots, "active");
        Assert.Equal("b", active);
        Assert.Equal(Digest(v1), Digest(await File.ReadAllBytesAsync(Path.Combine(slots, active, "app.bin"), Cancel)));
        Assert.Contains("Switching slots without a download", agent.Output, StringComparison.Ordinal);

        var v3 = Encoding.ASCII.GetBytes("version 4.0.0\n");
        var (third, _) = await World.ReleaseAsync("4.0.0", v3);
        await World.WaitForStateAsync("gw-back-1", third, "committed", agent, StepTimeout);
        Assert.Equal("a", await MarkerAsync(slots, "active"));
        Assert.Equal(Digest(v3), Digest(await File.ReadAllBytesAsync(Path.Combine(slots, "a", "app.bin"), Cancel)));
        var device = (await World.Client.Devices.ListAsync(new Client.ListOptions(Search: "identifier:'gw-back-1'"), Cancel)).Data.Single();
        Assert.Equal((Guid.Parse(third), "4.0.0"), (device.ReportedReleaseId, device.ReportedReleaseVersion));

        // One line per check result, and no download URL (its path carries the access token) in the agent's log.
        Assert.Contains("Update check: offered release 4.0.0", agent.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("binary_downloads", agent.Output, StringComparison.Ordinal);
        Assert.Equal(0, await agent.StopAsync(Cancel));
    }

    private static string Digest(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static async Task<string> MarkerAsync(string slots, string name) => (await File.ReadAllTextAsync(Path.Combine(slots, name), Cancel)).Trim();
}
