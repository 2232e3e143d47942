using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Hangar.Agent.Configuration;
using Hangar.Agent.TrialBoot;
using Hangar.Agent.Updates;
using Hangar.Contracts.Releases;

namespace Hangar.Agent.Tests.Updates;

/// <summary>
/// "Already installed" means the target the device runs from holds exactly the binary now: going back to a release
/// the device ran before installs it again, or switches to the inactive slot when that slot provably holds it.
/// </summary>
public sealed class SlotContentTests : IAsyncLifetime
{
    private const string SlotMetadata = """{"hangar": {"installer": "slot", "options": {"name": "app.bin"}}}""";
    private AgentFleet _fleet = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _fleet = await AgentFleet.StartAsync();

    public async ValueTask DisposeAsync() => await _fleet.DisposeAsync();

    [Fact]
    public async Task Rollback_ToAReleaseTheInactiveSlotHolds_SwitchesSlotsWithoutADownloadThenTakesTheNextRelease()
    {
        var (_, config) = await _fleet.DeviceAsync("dev-switch");
        var v1 = RandomNumberGenerator.GetBytes(4000);
        var v1Binary = await _fleet.BinaryAsync(v1, SlotMetadata);
        await _fleet.ReleaseAsync("2.0.0", v1Binary);
        await CommitThroughATrialAsync(config);
        var v2 = await _fleet.ReleaseAsync("3.0.0", await _fleet.BinaryAsync(RandomNumberGenerator.GetBytes(4000), SlotMetadata));
        await CommitThroughATrialAsync(config);
        // Damage the server's copy of v1: a download of it would fail its SHA-256 check, so a commit proves there was none.
        TamperStoredObject(v1Binary.Sha256!);

        await _fleet.Client.Releases.RollbackAsync(v2.Id.ToString(), new RollbackReleaseRequest("bad batch"), cancellationToken: Cancel);
        await CommitThroughATrialAsync(config);

        var slots = Path.Combine(config.Boot.SimulatedSlots!.Directory!);
        Assert.Equal("b", ReadMarker(slots, "active"));
        Assert.Equal(v1, File.ReadAllBytes(Path.Combine(slots, "b", "app.bin")));

        var v3 = RandomNumberGenerator.GetBytes(4000);
        var next = await _fleet.ReleaseAsync("4.0.0", await _fleet.BinaryAsync(v3, SlotMetadata));
        await CommitThroughATrialAsync(config);
        Assert.Equal("a", ReadMarker(slots, "active"));
        Assert.Equal(v3, File.ReadAllBytes(Path.Combine(slots, "a", "app.bin")));
        Assert.Equal(next.Id, (await _fleet.Client.Devices.ListAsync(cancellationToken: Cancel)).Data.Single().ReportedReleaseId);
    }

    [Fact]
    public async Task Rollback_InactiveSlotChangedSinceItsRecord_DownloadsTheImageAgain()
    {
        var (_, config) = await _fleet.DeviceAsync("dev-changed");
        var v1 = RandomNumberGenerator.GetBytes(4000);
        await _fleet.ReleaseAsync("2.0.0", await _fleet.BinaryAsync(v1, SlotMetadata));
        await CommitThroughATrialAsync(config);
        var v2 = await _fleet.ReleaseAsync("3.0.0", await _fleet.BinaryAsync(RandomNumberGenerator.GetBytes(4000), SlotMetadata));
        await CommitThroughATrialAsync(config);
        var slots = config.Boot.SimulatedSlots!.Directory!;
        var copy = Path.Combine(slots, "b", "app.bin");
        var bytes = File.ReadAllBytes(copy);
        bytes[0] ^= 0xff;
        File.WriteAllBytes(copy, bytes);

        await _fleet.Client.Releases.RollbackAsync(v2.Id.ToString(), new RollbackReleaseRequest("bad batch"), cancellationToken: Cancel);
        await CommitThroughATrialAsync(config);

        Assert.Equal("b", ReadMarker(slots, "active"));
        Assert.Equal(v1, File.ReadAllBytes(copy));
    }

    [Fact]
    public async Task Rollback_FileInstallerTargetHoldsTheNewerBinary_InstallsTheOlderOneAgain()
    {
        var (_, config) = await _fleet.DeviceAsync("dev-file-back");
        var apps = config.Installers.File!.Roots[0];
        var metadata = new JsonObject
        {
            ["hangar"] = new JsonObject { ["installer"] = "file", ["options"] = new JsonObject { ["directory"] = apps, ["name"] = "app" } },
        }.ToJsonString();
        var v1 = RandomNumberGenerator.GetBytes(1000);
        await _fleet.ReleaseAsync("2.0.0", await _fleet.BinaryAsync(v1, metadata));
        await using var agent = BootedAgent.Boot(config);
        Assert.Equal(UpdateRunOutcome.Committed, await agent.CheckAsync());
        var v2 = await _fleet.ReleaseAsync("3.0.0", await _fleet.BinaryAsync(RandomNumberGenerator.GetBytes(1000), metadata));
        Assert.Equal(UpdateRunOutcome.Committed, await agent.CheckAsync());

        await _fleet.Client.Releases.RollbackAsync(v2.Id.ToString(), new RollbackReleaseRequest("bad batch"), cancellationToken: Cancel);

        Assert.Equal(UpdateRunOutcome.Committed, await agent.CheckAsync());
        Assert.Equal(v1, File.ReadAllBytes(Path.Combine(apps, "app")));
        Assert.Equal(UpdateRunOutcome.NothingToDo, await agent.CheckAsync());
    }

    /// <summary>One update through its trial: check, install and reboot, then the next start commits it.</summary>
    private static async Task CommitThroughATrialAsync(AgentConfig config)
    {
        await using (var installing = BootedAgent.Boot(config))
        {
            Assert.Equal(UpdateRunOutcome.RebootRequested, await installing.CheckAsync());
        }

        await using var trial = BootedAgent.Boot(config);
        Assert.Equal(TrialBootOutcome.Committed, await trial.ResumeAsync());
    }

    private void TamperStoredObject(string sha256)
    {
        // An object is the directory of the parts it was uploaded in (one part here).
        var directory = Directory.EnumerateDirectories(_fleet.Server.DataDirectory, sha256, SearchOption.AllDirectories).Single();
        var stored = Directory.EnumerateFiles(directory, "*.part").Single();
        var bytes = File.ReadAllBytes(stored);
        bytes[100] ^= 0xff;
        File.WriteAllBytes(stored, bytes);
    }

    private static string ReadMarker(string slots, string name) => File.ReadAllText(Path.Combine(slots, name)).Trim();
}
