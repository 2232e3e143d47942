using Hangar.Agent.Configuration;
using Hangar.Agent.Processes;
using Hangar.Agent.State;
using Hangar.Agent.Tests.State;
using Hangar.Agent.Tests.Support;
using Hangar.Agent.TrialBoot;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hangar.Agent.Tests.TrialBoot;

public sealed class TrialBootCoordinatorTests : IDisposable
{
    private readonly SimulatedDevice _device = new();

    public void Dispose() => _device.Dispose();

    [Fact]
    public async Task Install_HealthyTrialBoot_CommitsTheNewSlot()
    {
        var first = _device.Boot();
        Assert.Equal(TrialBootOutcome.RebootRequested, await first.Coordinator.InstallAsync(first.Plan(_device.NewImage), Token));
        Assert.Equal("b", first.Slots.Trial);

        var second = _device.Boot();
        Assert.Equal("b", second.Slots.Booted);
        Assert.Equal(TrialBootOutcome.Committed, await second.Coordinator.ResumeAsync(Token));

        Assert.Equal(("b", null, "b"), (second.Slots.Active, second.Slots.Trial, second.Slots.Booted));
        Assert.Equal("v2", _device.ImageIn("b"));
        Assert.Equal(["slot:b/image"], second.Store.Current.Contents.Keys);
        Assert.Equal(("bin-2", Sha256Of("v2")), (second.Store.Current.Contents["slot:b/image"].BinaryId, second.Store.Current.Contents["slot:b/image"].Sha256));
        Assert.Null(second.Store.Current.PendingCommit);
        Assert.Equal([ReportStatus.Installing, ReportStatus.Installed, ReportStatus.Committed], second.Store.Current.Reports.Select(report => report.Status));
        Assert.All(second.Store.Current.Reports, report => Assert.Equal(SimulatedDevice.Booted.Update, report.Update));
        Assert.Equal(new RunningSoftware("release-2", "bundle-2", "2.0.0"), second.Store.Current.Running);
        Assert.Equal(TrialBootOutcome.Idle, await _device.Boot().Coordinator.ResumeAsync(Token));
    }

    [Fact]
    public async Task Install_HealthCheckCommandFails_RollsBackToTheOldSlot()
    {
        _device.HealthCheckCommand = ["/bin/sh", "-c", "test \"$(cat \"$HANGAR_SLOT_DIRECTORY/image\")\" = v1 || { echo new image is broken; exit 1; }"];
        var first = _device.Boot();
        await first.Coordinator.InstallAsync(first.Plan(_device.NewImage), Token);

        var second = _device.Boot();
        Assert.Equal(TrialBootOutcome.RolledBack, await second.Coordinator.ResumeAsync(Token));

        Assert.Equal(("a", null, "a"), (second.Slots.Active, second.Slots.Trial, second.Slots.Booted));
        // Slot a runs again and holds what it held (not recorded: the factory image); slot b still holds the new image.
        Assert.Equal(["slot:b/image"], second.Store.Current.Contents.Keys);
        Assert.Equal("bin-2", second.Store.Current.Contents["slot:b/image"].BinaryId);
        Assert.Null(second.Store.Current.Running);
        var report = second.Store.Current.Reports[^1];
        Assert.Equal(ReportStatus.RolledBack, report.Status);
        Assert.Equal("health check command failed: exit code 1: new image is broken", report.Reason);
        Assert.Equal("a", _device.Boot().Slots.Booted);
    }

    [Fact]
    public async Task Install_ServerUnreachableAfterBoot_RollsBack()
    {
        _device.Server = new FixedReachability("connection refused");
        var first = _device.Boot();
        await first.Coordinator.InstallAsync(first.Plan(_device.NewImage), Token);

        var second = _device.Boot();

        Assert.Equal(TrialBootOutcome.RolledBack, await second.Coordinator.ResumeAsync(Token));
        Assert.Equal("server unreachable: connection refused", second.Store.Current.Reports[^1].Reason);
    }

    [Fact]
    public async Task Resume_CrashLoopDuringHealthCheck_RollsBackAfterMaxBootAttempts()
    {
        var first = _device.Boot();
        await first.Coordinator.InstallAsync(first.Plan(_device.NewImage), Token);
        _device.Server = new CrashingReachability();

        for (var attempt = 1; attempt <= _device.MaxBootAttempts; attempt++)
        {
            var booted = _device.Boot();
            await Assert.ThrowsAsync<SimulatedPowerLossException>(() => booted.Coordinator.ResumeAsync(Token));
            Assert.Equal(attempt, booted.Store.Current.PendingCommit!.BootAttempts);
        }

        var last = _device.Boot();
        Assert.Equal(TrialBootOutcome.RolledBack, await last.Coordinator.ResumeAsync(Token));
        Assert.Equal($"no healthy start in {_device.MaxBootAttempts} attempts", last.Store.Current.Reports[^1].Reason);
        Assert.Equal(("a", "a"), (last.Slots.Active, last.Slots.Booted));
    }

    [Fact]
    public async Task Resume_AgentRestartedBeforeTheReboot_RequestsTheRebootAgain()
    {
        var first = _device.Boot();
        await first.Coordinator.InstallAsync(first.Plan(_device.NewImage), Token);
        first.Store.Dispose();

        var restarted = _device.Start(first.Slots);

        Assert.Equal(TrialBootOutcome.RebootRequested, await restarted.Coordinator.ResumeAsync(Token));
        Assert.Equal(TrialPhase.AwaitingReboot, restarted.Store.Current.PendingCommit!.Phase);
        Assert.Equal(TrialBootOutcome.Committed, await _device.Boot().Coordinator.ResumeAsync(Token));
    }

    [Fact]
    public async Task Install_InstallerFails_ReportsFailedAndArmsNothing()
    {
        var first = _device.Boot();
        var binary = first.Binary(_device.NewImage);
        binary = binary with { Request = binary.Request with { Options = new() { ["name"] = "../escape" } } };

        Assert.Equal(TrialBootOutcome.Failed, await first.Coordinator.InstallAsync(new UpdatePlan(SimulatedDevice.Booted.Update, [binary]), Token));

        Assert.Null(first.Slots.Trial);
        Assert.Null(first.Store.Current.PendingCommit);
        Assert.Equal([ReportStatus.Installing, ReportStatus.Failed], first.Store.Current.Reports.Select(report => report.Status));
        Assert.Equal(new FailedUpdate("release-2", "bundle-2", 1, first.Store.Current.LastFailure!.FailedAt), first.Store.Current.LastFailure);
        Assert.Null(first.Store.Current.Running);
    }

    [Fact]
    public async Task Install_WithRealCommands_RunsTheRebootCommandAndAgainIfTheAgentRestartsInTheSameBoot()
    {
        // Commands are recording stand-ins: a test cannot reboot the machine it runs on.
        using var directory = new TempDirectory();
        var record = directory.Combine("record");
        var runner = new ProcessRunner(TimeProvider.System);
        var config = new BootConfig { RebootCommand = [Scripts.Recording(directory.Combine("reboot"), record), "now"] };
        var control = new CommandBootControl(config, runner);
        var booted = _device.Boot();
        using var store = StateStore.Open(directory.Combine("state"), NullLogger.Instance);
        var coordinator = new TrialBootCoordinator(store, control, new HealthCheck(config, runner, new FixedReachability()), 3, TimeProvider.System,
            NullLogger.Instance);

        Assert.Equal(TrialBootOutcome.RebootRequested, await coordinator.InstallAsync(booted.Plan(_device.NewImage), Token));
        Assert.Equal(TrialBootOutcome.RebootRequested, await coordinator.ResumeAsync(Token));

        Assert.Equal(["now", "now"], File.ReadAllLines(record));
        Assert.Equal(control.BootId, store.Current.PendingCommit!.BootId);
    }

    [Fact]
    public async Task Resume_InstallInterruptedByARestart_ReportsARetryableFailureAndClaimsNothing()
    {
        var first = _device.Boot();
        await first.Coordinator.InstallAsync(first.Plan(_device.NewImage), Token);
        var second = _device.Boot();
        await second.Coordinator.ResumeAsync(Token);
        second.Store.Dispose();
        var installing = 0;
        _device.Hook = (_, path) =>
        {
            // The image lands in slot a, then the power goes before the trial is armed.
            if (path.EndsWith("trial", StringComparison.Ordinal) && ++installing == 1)
            {
                throw new SimulatedPowerLossException();
            }
        };
        var third = _device.Boot();
        File.WriteAllText(_device.NewImage, "v3");
        await Assert.ThrowsAsync<SimulatedPowerLossException>(() => third.Coordinator.InstallAsync(third.Plan(_device.NewImage, "bin-3"), Token));
        third.Store.Dispose();
        _device.Hook = null;

        var restarted = _device.Boot();
        Assert.Equal(TrialBootOutcome.Interrupted, await restarted.Coordinator.ResumeAsync(Token));

        var state = restarted.Store.Current;
        Assert.Null(state.PendingCommit);
        // Counted, so that a second interruption backs off, but retried at once this first time.
        Assert.Equal((1, true), (state.LastFailure!.Attempts, state.LastFailure.Interrupted));
        Assert.Equal(state.LastFailure.FailedAt, state.LastFailure.RetryAt(_ => TimeSpan.FromHours(1)));
        var report = state.Reports[^1];
        Assert.Equal((ReportStatus.Failed, true, "release-2"), (report.Status, report.Retryable, report.Update.Id));
        Assert.StartsWith("the install was interrupted by a restart", report.Reason, StringComparison.Ordinal);
        // Slot a was being written: no record of it, while slot b (running) still holds bin-2.
        Assert.Equal(["slot:b/image"], state.Contents.Keys);
        Assert.Equal(("b", null), (restarted.Slots.Active, restarted.Slots.Trial));
    }

    [Fact]
    public async Task Install_ServerStoppedTheUpdate_InstallsNothing()
    {
        UpdateSource? asked = null;
        _device.MayInstall = (update, _) =>
        {
            asked = update;
            return Task.FromResult(false);
        };
        var first = _device.Boot();

        Assert.Equal(TrialBootOutcome.Aborted, await first.Coordinator.InstallAsync(first.Plan(_device.NewImage), Token));

        Assert.Equal(SimulatedDevice.Booted.Update, asked);
        Assert.Null(first.Slots.Trial);
        Assert.False(File.Exists(Path.Combine(_device.SlotDirectory("b"), "image")));
        Assert.Null(first.Store.Current.PendingCommit);
        Assert.Null(first.Store.Current.LastFailure);
        Assert.Equal([ReportStatus.Installing], first.Store.Current.Reports.Select(report => report.Status));
        Assert.Equal(TrialBootOutcome.Idle, await _device.Boot().Coordinator.ResumeAsync(Token));
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static string Sha256Of(string text) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));

    private sealed class CrashingReachability : IServerReachability
    {
        public Task<string?> CheckAsync(CancellationToken cancellationToken) => throw new SimulatedPowerLossException();
    }
}
