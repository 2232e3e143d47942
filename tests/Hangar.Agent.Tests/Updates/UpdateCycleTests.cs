using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hangar.Agent.Configuration;
using Hangar.Agent.Hosting;
using Hangar.Agent.State;
using Hangar.Agent.TrialBoot;
using Hangar.Agent.Updates;
using Hangar.Client;
using Hangar.Contracts.Releases;
using Microsoft.Extensions.DependencyInjection;

namespace Hangar.Agent.Tests.Updates;

/// <summary>
/// The agent's update cycle against a real server over mutual TLS: check, download, verify, install into a simulated
/// slot, reboot, commit or roll back, and the reports the server records on the way.
/// </summary>
public sealed class UpdateCycleTests : IAsyncLifetime
{
    private const string SlotMetadata = """{"hangar": {"installer": "slot", "options": {"name": "app.bin"}}}""";
    private AgentFleet _fleet = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _fleet = await AgentFleet.StartAsync();

    public async ValueTask DisposeAsync() => await _fleet.DisposeAsync();

    [Fact]
    public async Task Check_SignedSlotRelease_InstallsRebootsCommitsAndTheServerRecordsWhatTheDeviceRuns()
    {
        var (device, config) = await _fleet.DeviceAsync("dev-commit");
        var content = RandomNumberGenerator.GetBytes(300_000);
        var release = await _fleet.ReleaseAsync("2.0.0", await _fleet.BinaryAsync(content, SlotMetadata));

        await using (var first = BootedAgent.Boot(config))
        {
            Assert.Equal(UpdateRunOutcome.RebootRequested, await first.CheckAsync());
            Assert.Equal("b", first.Slots.Trial);
            Assert.Empty(first.Store.Current.Reports);
        }

        Assert.Equal(["downloading", "downloaded", "installing", "installed"], await TransitionsAsync(device.Identifier));
        await using (var second = BootedAgent.Boot(config))
        {
            Assert.Equal(TrialBootOutcome.Committed, await second.ResumeAsync());
            Assert.Equal(content, File.ReadAllBytes(Path.Combine(second.Slots.SlotDirectory("b"), "app.bin")));
            Assert.Equal("b", second.Slots.Active);
            Assert.Empty(second.Store.Current.Reports);

            Assert.Equal(UpdateRunOutcome.NothingToDo, await second.CheckAsync());
        }

        Assert.Equal(["downloading", "downloaded", "installing", "installed", "committed"], await TransitionsAsync(device.Identifier));
        var stats = await _fleet.Client.Releases.StatsAsync(release.Id.ToString(), Cancel);
        Assert.Equal(1, stats.States["committed"]);
        var recorded = await _fleet.Client.Devices.GetAsync(device.Id.ToString(), Cancel);
        Assert.Equal((release.Id, release.BundleId, "2.0.0"), (recorded.ReportedReleaseId, recorded.ReportedBundleId, recorded.ReportedReleaseVersion));
        Assert.Empty(Directory.EnumerateFiles(config.Directories!.Cache!, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Check_FileInstallerWithoutReboot_CommitsInOneCycle()
    {
        var (device, config) = await _fleet.DeviceAsync("dev-file");
        var apps = config.Installers.File!.Roots[0];
        var content = RandomNumberGenerator.GetBytes(1000);
        var metadata = new JsonObject
        {
            ["hangar"] = new JsonObject { ["installer"] = "file", ["options"] = new JsonObject { ["directory"] = apps, ["name"] = "app" } },
        }.ToJsonString();
        await _fleet.ReleaseAsync("1.1.0", await _fleet.BinaryAsync(content, metadata));

        await using var agent = BootedAgent.Boot(config);

        Assert.Equal(UpdateRunOutcome.Committed, await agent.CheckAsync());
        Assert.Equal(content, File.ReadAllBytes(Path.Combine(apps, "app")));
        Assert.Equal(["downloading", "downloaded", "installing", "committed"], await TransitionsAsync(device.Identifier));
        Assert.Equal(UpdateRunOutcome.NothingToDo, await agent.CheckAsync());
    }

    [Fact]
    public async Task Check_BinaryOnlyForAnotherTarget_CommitsWithoutDownloading()
    {
        var (device, config) = await _fleet.DeviceAsync("dev-target");
        await _fleet.ReleaseAsync("1.2.0", await _fleet.BinaryAsync(RandomNumberGenerator.GetBytes(1000), SlotMetadata, target: "riscv64-linux"));

        await using var agent = BootedAgent.Boot(config);

        Assert.Equal(UpdateRunOutcome.Committed, await agent.CheckAsync());
        Assert.Null(agent.Slots.Trial);
        Assert.Equal(["committed"], await TransitionsAsync(device.Identifier));
    }

    [Fact]
    public async Task Check_SignedByAnUntrustedKey_ReportsFailedAndInstallsNothing()
    {
        var (device, config) = await _fleet.DeviceAsync("dev-untrusted");
        using var stranger = AgentFleet.NewKey();
        await _fleet.ReleaseAsync("3.0.0", await _fleet.BinaryAsync(RandomNumberGenerator.GetBytes(1000), SlotMetadata, signers: [stranger]));

        await AssertFailsAsync(config, device.Identifier, "0 valid signature(s) from distinct trusted keys, threshold 1 (1 by untrusted keys");
    }

    [Fact]
    public async Task Check_FewerTrustedSignaturesThanTheThreshold_ReportsFailedAndInstallsNothing()
    {
        var (device, config) = await _fleet.DeviceAsync("dev-threshold");
        using var second = AgentFleet.NewKey();
        config.Signing = new SigningConfig { TrustedKeys = [_fleet.TrustedKey, AgentFleet.PublicKey(second)], Threshold = 2 };
        await _fleet.ReleaseAsync("3.1.0", await _fleet.BinaryAsync(RandomNumberGenerator.GetBytes(1000), SlotMetadata));

        await AssertFailsAsync(config, device.Identifier, "1 valid signature(s) from distinct trusted keys, threshold 2");
    }

    [Fact]
    public async Task Check_StoredContentTampered_ReportsFailedAndInstallsNothing()
    {
        var (device, config) = await _fleet.DeviceAsync("dev-tampered");
        var binary = await _fleet.BinaryAsync(RandomNumberGenerator.GetBytes(5000), SlotMetadata);
        await _fleet.ReleaseAsync("3.2.0", binary);
        // An object is the directory of the parts it was uploaded in (one part here).
        var objectDirectory = Directory.EnumerateDirectories(_fleet.Server.DataDirectory, binary.Sha256!, SearchOption.AllDirectories).Single();
        var stored = Directory.EnumerateFiles(objectDirectory, "*.part").Single();
        var bytes = File.ReadAllBytes(stored);
        bytes[100] ^= 0xff;
        File.WriteAllBytes(stored, bytes);

        await AssertFailsAsync(config, device.Identifier, "SHA-256");
    }

    [Fact]
    public async Task Check_InstallerNotEnabledOnTheDevice_FailsBeforeFetchingAByte()
    {
        var (device, config) = await _fleet.DeviceAsync("dev-installer");
        await _fleet.ReleaseAsync("3.3.0", await _fleet.BinaryAsync(RandomNumberGenerator.GetBytes(1000), """{"hangar": {"installer": "rauc"}}"""));

        await AssertFailsAsync(config, device.Identifier, "installer 'rauc' is unknown or not enabled");

        Assert.False(Directory.Exists(config.Directories!.Cache) && Directory.EnumerateFiles(config.Directories.Cache, "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task Check_AfterAFailure_DoesNotRetryTheSameUpdateBeforeItsBackoff()
    {
        var (_, config) = await _fleet.DeviceAsync("dev-backoff");
        await _fleet.ReleaseAsync("3.4.0", await _fleet.BinaryAsync(RandomNumberGenerator.GetBytes(1000), """{"hangar": {"installer": "rauc"}}"""));
        await using var agent = BootedAgent.Boot(config);

        Assert.Equal(UpdateRunOutcome.Failed, await agent.CheckAsync());
        Assert.Equal(UpdateRunOutcome.RetryNotDue, await agent.CheckAsync());
        Assert.Equal(1, agent.Store.Current.LastFailure!.Attempts);
    }

    [Fact]
    public async Task Check_ReleaseHaltedAfterTheOffer_StopsWithoutInstalling()
    {
        var (device, config) = await _fleet.DeviceAsync("dev-halted");
        var release = await _fleet.ReleaseAsync("4.0.0", await _fleet.BinaryAsync(RandomNumberGenerator.GetBytes(1000), SlotMetadata));
        await using var agent = BootedAgent.Boot(config);
        var answer = (await agent.Api.CheckAsync(null, Cancel)).Answer!;
        await _fleet.Client.Releases.HaltAsync(release.Id.ToString(), new HaltReleaseRequest("bad batch"), Cancel);

        Assert.Equal(UpdateRunOutcome.Aborted, await agent.Runner.ApplyAsync(answer, Cancel));

        Assert.Null(agent.Slots.Trial);
        Assert.Null(agent.Store.Current.InProgress);
        Assert.Empty(agent.Store.Current.Reports);
        // The halt ended the offered update on the server; the agent's refused report added nothing.
        Assert.Equal(["aborted"], await TransitionsAsync(device.Identifier));
    }

    [Fact]
    public async Task Reports_ServerUnreachable_StayQueuedAcrossRestartsAndArriveInOrderLater()
    {
        var (device, config) = await _fleet.DeviceAsync("dev-offline");
        var release = await _fleet.ReleaseAsync("5.0.0", await _fleet.BinaryAsync(RandomNumberGenerator.GetBytes(1000), SlotMetadata));
        var source = new UpdateSource(UpdateSourceKind.Release, release.Id.ToString(), release.BundleId.ToString(), "5.0.0");
        await using (var online = BootedAgent.Boot(config))
        {
            // The device was offered the release (an offer is what status reports move forward).
            Assert.Equal(UpdateRunOutcome.RebootRequested, await online.CheckAsync());
        }

        // The trial's health check reaches the server; only the reports' address is dead.
        await using (var agent = BootedAgent.Boot(config, services => services.AddSingleton(provider => new DeviceApi(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(AgentServices.DeviceHttpClient), new Uri("https://127.0.0.1:1/"), TimeProvider.System))))
        {
            Assert.Equal(TrialBootOutcome.Committed, await agent.ResumeAsync());
            Assert.Equal([ReportStatus.Committed], agent.Store.Current.Reports.Select(report => report.Status));
            await agent.Reporter.QueueAsync(ReportStatus.Downloading, source, null, null, Cancel);
        }

        await using (var back = BootedAgent.Boot(config))
        {
            Assert.Equal(2, back.Store.Current.Reports.Count);
            await back.Reporter.FlushAsync(Cancel);
            Assert.Empty(back.Store.Current.Reports);
        }

        // committed arrived first; the later "downloading" is a step back and the server refused it (dropped, not retried).
        Assert.Equal(["downloading", "downloaded", "installing", "installed", "committed"], await TransitionsAsync(device.Identifier));
    }

    private async Task AssertFailsAsync(AgentConfig config, string identifier, string reasonPart)
    {
        await using var agent = BootedAgent.Boot(config);

        Assert.Equal(UpdateRunOutcome.Failed, await agent.CheckAsync());

        Assert.Null(agent.Slots.Trial);
        Assert.Empty(agent.Store.Current.Contents);
        Assert.Empty(agent.Store.Current.Reports);
        var failed = (await EventsAsync(identifier))[^1];
        Assert.Equal("failed", failed.GetProperty("to").GetString());
        Assert.Contains(reasonPart, failed.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    private async Task<IReadOnlyList<string>> TransitionsAsync(string identifier) =>
        [.. (await EventsAsync(identifier)).Select(data => data.GetProperty("to").GetString()!)];

    private async Task<IReadOnlyList<JsonElement>> EventsAsync(string identifier)
    {
        var events = await _fleet.Client.Events.ListAsync(new ListOptions(Limit: 100, Search: "type:'update.status_changed'"), Cancel);
        return [.. events.Data.OrderBy(item => item.Time).ThenBy(item => item.Id)
            .Select(item => item.Data).Where(data => data.GetProperty("identifier").GetString() == identifier)];
    }
}
