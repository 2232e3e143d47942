using Hangar.Agent.State;
using Hangar.Agent.Tests.State;
using Hangar.Agent.Tests.Support;
using Hangar.Agent.TrialBoot;

namespace Hangar.Agent.Tests.TrialBoot;

/// <summary>
/// Cuts the power at every write step of a whole install (boot, install, reboot, trial, commit or rollback), one
/// run per step, optionally tearing the unflushed temporary file, then powers on until nothing is pending. Every run
/// must end consistent: no pending install, no armed trial, the booted slot the active one, the new image active
/// exactly when it is recorded installed, and at most one final report.
/// </summary>
public sealed class PowerLossTests
{
    private const int MaxBoots = 10;

    [Theory]
    // Tearing applies only to the flush steps; every other step is cut the same way with or without it.
    [InlineData(true, true)]
    [InlineData(false, true)]
    public async Task Install_PowerLossAtEveryStep_AlwaysReachesAConsistentState(bool healthy, bool tearTemporary)
    {
        var steps = await CountStepsAsync(healthy);
        Assert.True(steps > 20, $"only {steps} steps counted");

        for (var cut = 1; cut <= steps; cut++)
        {
            using var device = NewDevice(healthy);
            var seen = 0;
            string? torn = null;
            device.Hook = (step, path) =>
            {
                if (++seen == cut)
                {
                    if (step == AtomicWriteStep.FlushTemporary && tearTemporary)
                    {
                        torn = AtomicFile.TemporaryPath(path);
                    }

                    throw new SimulatedPowerLossException();
                }
            };

            var outcome = await RunUntilSettledAsync(device, () =>
            {
                if (torn is not null && File.Exists(torn))
                {
                    // What reached the disk of a write that was never flushed: a prefix.
                    File.WriteAllBytes(torn, File.ReadAllBytes(torn)[..(int)(new FileInfo(torn).Length / 2)]);
                    torn = null;
                }
            });

            AssertConsistent(device, healthy, outcome, $"power cut at step {cut} of {steps}");
        }
    }

    private static SimulatedDevice NewDevice(bool healthy) => new() { Server = new FixedReachability(healthy ? null : "connection refused") };

    private static async Task<int> CountStepsAsync(bool healthy)
    {
        using var device = NewDevice(healthy);
        var steps = 0;
        device.Hook = (_, _) => steps++;
        var outcome = await RunUntilSettledAsync(device, () => { });
        Assert.Equal(healthy ? TrialBootOutcome.Committed : TrialBootOutcome.RolledBack, outcome);
        return steps;
    }

    /// <summary>Boot 1 installs; each later boot resumes. A power cut ends the boot it happens in.</summary>
    private static async Task<TrialBootOutcome> RunUntilSettledAsync(SimulatedDevice device, Action afterPowerLoss)
    {
        var installed = false;
        var last = TrialBootOutcome.Idle;
        for (var boot = 0; boot < MaxBoots; boot++)
        {
            try
            {
                var booted = device.Boot();
                using var store = booted.Store;
                last = await booted.Coordinator.ResumeAsync(TestContext.Current.CancellationToken);
                if (!installed && last != TrialBootOutcome.RebootRequested)
                {
                    installed = true;
                    last = await booted.Coordinator.InstallAsync(booted.Plan(device.NewImage), TestContext.Current.CancellationToken);
                }

                if (last != TrialBootOutcome.RebootRequested && store.Current.PendingCommit is null)
                {
                    return last;
                }
            }
            catch (SimulatedPowerLossException)
            {
                afterPowerLoss();
            }
        }

        throw new InvalidOperationException($"not settled after {MaxBoots} boots");
    }

    private static void AssertConsistent(SimulatedDevice device, bool healthy, TrialBootOutcome outcome, string context)
    {
        device.Hook = null;
        var booted = device.Boot();
        using var store = booted.Store;
        var state = store.Current;

        Assert.True(state.PendingCommit is null, context);
        Assert.True(booted.Slots.Trial is null, context);
        Assert.True(booted.Slots.Booted == booted.Slots.Active, context);

        var isInstalled = state.Running is not null;
        foreach (var (target, held) in state.Contents)
        {
            // A record never claims what its slot does not hold.
            var file = Path.Combine(device.SlotDirectory(target["slot:".Length..target.IndexOf('/', StringComparison.Ordinal)]), "image");
            Assert.True(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file))) == held.Sha256, $"{context}: {target} claims {held.BinaryId}");
        }

        Assert.True(!isInstalled || (state.Contents.TryGetValue($"slot:{booted.Slots.Active}/image", out var running) && running.BinaryId == "bin-2"), context);
        Assert.True(device.ImageIn(booted.Slots.Active) == (isInstalled ? "v2" : "v1"), $"{context}: slot {booted.Slots.Active} active, installed {isInstalled}");
        Assert.True(!isInstalled || healthy, $"{context}: committed although the health check fails");

        var final = state.Reports.Where(report => report.Status is ReportStatus.Committed or ReportStatus.RolledBack or ReportStatus.Failed).ToList();
        Assert.True(final.Count <= 1, $"{context}: {final.Count} final reports");
        if (isInstalled)
        {
            Assert.True(final is [{ Status: ReportStatus.Committed }], $"{context}: installed without a committed report");
        }
        else if (final.Count == 1)
        {
            Assert.True(final[0].Status != ReportStatus.Committed, context);
        }

        Assert.True(state.Reports.Select(report => report.Sequence).SequenceEqual(state.Reports.Select(report => report.Sequence).Order().Distinct()), context);
        Assert.True(outcome is not TrialBootOutcome.RebootRequested, context);
    }
}
