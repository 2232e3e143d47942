using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Hangar.Agent.Configuration;
using Hangar.Agent.Installers;
using Hangar.Agent.Processes;
using Hangar.Agent.State;
using Hangar.Agent.Tests.Support;
using Hangar.Agent.TrialBoot;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hangar.Agent.Tests.TrialBoot;

/// <summary>
/// A device in simulated-slot mode, as the agent builds it at start: <see cref="Boot"/> is one power-on (the
/// simulated bootloader, then the state file), and everything it writes goes through <see cref="Hook"/>.
/// </summary>
public sealed class SimulatedDevice : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly ProcessRunner _runner = new(TimeProvider.System);

    public SimulatedDevice()
    {
        Directory.CreateDirectory(SlotDirectory("a"));
        File.WriteAllText(Path.Combine(SlotDirectory("a"), "image"), "v1");
        File.WriteAllText(_directory.Combine("v2.img"), "v2");
    }

    public string SlotsPath => _directory.Combine("slots");

    public string StatePath => _directory.Combine("state");

    public string NewImage => _directory.Combine("v2.img");

    public Action<AtomicWriteStep, string>? Hook { get; set; }

    public IReadOnlyList<string> HealthCheckCommand { get; set; } = [];

    public IServerReachability Server { get; set; } = new FixedReachability();

    public int MaxBootAttempts { get; set; } = 3;

    public string SlotDirectory(string slot) => Path.Combine(SlotsPath, slot);

    public string ImageIn(string slot) => File.ReadAllText(Path.Combine(SlotDirectory(slot), "image"));

    /// <summary>Decides whether an install may start (the agent asks the server); null: always.</summary>
    public Func<UpdateSource, CancellationToken, Task<bool>>? MayInstall { get; set; }

    public Booted Boot()
    {
        var slots = SimulatedSlots.Boot(SlotsPath, TimeProvider.System, (step, path) => Hook?.Invoke(step, path));
        return Start(slots);
    }

    /// <summary>The agent process starting again without a reboot: same slots, same boot id.</summary>
    public Booted Start(SimulatedSlots slots)
    {
        var store = StateStore.Open(StatePath, NullLogger.Instance, (step, path) => Hook?.Invoke(step, path));
        var boot = new BootConfig { HealthCheckCommand = HealthCheckCommand, CommandTimeoutSeconds = 30, MaxBootAttempts = MaxBootAttempts };
        var coordinator = new TrialBootCoordinator(store, slots, new HealthCheck(boot, _runner, Server), MaxBootAttempts, TimeProvider.System,
            NullLogger.Instance, mayInstall: MayInstall);
        var selector = new InstallerSelector(new InstallersConfig { Slot = new SlotInstallerConfig() }, _runner, slots);
        return new Booted(store, slots, coordinator, selector);
    }

    public void Dispose() => _directory.Dispose();

    public sealed record Booted(StateStore Store, SimulatedSlots Slots, TrialBootCoordinator Coordinator, InstallerSelector Selector)
    {
        public static UpdateSource Update { get; } = new(UpdateSourceKind.Release, "release-2", "bundle-2", "2.0.0");

        public UpdatePlan Plan(string path, string binaryId = "bin-2") => new(Update, [Binary(path, binaryId)]);

        public InstallPlan Binary(string path, string binaryId = "bin-2")
        {
            var metadata = new JsonObject { ["hangar"] = new JsonObject { ["installer"] = "slot", ["options"] = new JsonObject { ["name"] = "image" } } };
            Assert.True(InstallerMetadata.TryRead(metadata, out var read, out _));
            Assert.True(Selector.TrySelect(read, out var installer, out _));
            var sha256 = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
            return new InstallPlan(binaryId, MetadataDigest.Compute(metadata), installer, new InstallRequest(binaryId, path, read.Options), read.RebootRequired,
                installer.InstallTarget("app", read.Options), sha256, IntoInactiveSlot: true);
        }
    }
}
