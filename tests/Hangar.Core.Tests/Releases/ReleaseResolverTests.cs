using Hangar.Core.Releases;
using Hangar.Core.Versions;
using Xunit;
using static Hangar.Core.Tests.Releases.GraphBuilder;

namespace Hangar.Core.Tests.Releases;

/// <summary>Every branch of the resolution algorithm, one example each.</summary>
public sealed class ReleaseResolverTests
{
    private static Resolution Resolve(DeviceState device, GraphBuilder graph, PhaseClaims? claims = null, params ActiveOverride[] overrides) =>
        ReleaseResolver.Resolve(device, graph.Build(), overrides, claims ?? PhaseClaims.None(10), Now);

    [Fact]
    public void Quarantined_GetsNothing_EvenWithAnOverride() =>
        Assert.IsType<Resolution.Quarantined>(Resolve(Device(IdOf(0), quarantined: true), Chain(3), null, new ActiveOverride(Guid.CreateVersion7(), BundleOf(9), Now.AddDays(-1), null)));

    [Fact]
    public void NewestActiveOverride_WinsOverReleasesAndOlderOverrides()
    {
        var older = new ActiveOverride(IdOf(50), BundleOf(50), Now.AddDays(-5), null);
        var newer = new ActiveOverride(IdOf(51), BundleOf(51), Now.AddDays(-1), Now.AddDays(1));
        var expired = new ActiveOverride(IdOf(52), BundleOf(52), Now.AddDays(-1), Now);
        var future = new ActiveOverride(IdOf(53), BundleOf(53), Now.AddHours(1), null);

        var result = Resolve(Device(IdOf(0)), Chain(3), null, older, newer, expired, future);

        Assert.Equal(new Resolution.FromOverride(newer.Id, newer.BundleId), result);
    }

    [Fact]
    public void Override_AlreadyInstalled_IsNoUpdate_AndReleasesAreIgnored()
    {
        var active = new ActiveOverride(IdOf(50), BundleOf(50), Now.AddDays(-1), null);
        Assert.IsType<Resolution.NoUpdate>(Resolve(Device(IdOf(0), BundleOf(50)), Chain(3), null, active));
    }

    [Fact]
    public void DeviceWithoutCohort_GetsNothing()
    {
        var device = Device(IdOf(0)) with { CohortId = null };
        Assert.IsType<Resolution.NoUpdate>(ReleaseResolver.Resolve(device, null, [], PhaseClaims.None(1), Now));
    }

    [Fact]
    public void OnTheLatestRelease_NoUpdate() =>
        Assert.IsType<Resolution.NoUpdate>(Resolve(Device(IdOf(2), BundleOf(2)), Chain(3)));

    [Fact]
    public void NonRequiredReleases_AreSkipped_UpToTheLatest() =>
        Assert.Equal(new Resolution.FromRelease(IdOf(4), BundleOf(4), false), Resolve(Device(IdOf(0)), Chain(5)));

    [Fact]
    public void ARequiredRelease_StopsTheWalk() =>
        Assert.Equal(new Resolution.FromRelease(IdOf(2), BundleOf(2), false),
            Resolve(Device(IdOf(0)), Chain(5).With(2, r => r with { Required = true })));

    [Fact]
    public void DisabledTarget_StepsBack() =>
        Assert.Equal(new Resolution.FromRelease(IdOf(3), BundleOf(3), false),
            Resolve(Device(IdOf(0)), Chain(5).With(4, r => r with { Disabled = true })));

    [Fact]
    public void DisabledRequiredRelease_IsNeverPassed()
    {
        var graph = Chain(5).With(2, r => r with { Required = true, Disabled = true });
        Assert.Equal(new Resolution.FromRelease(IdOf(1), BundleOf(1), false), Resolve(Device(IdOf(0)), graph));
        Assert.IsType<Resolution.NoUpdate>(Resolve(Device(IdOf(1)), graph));
    }

    [Fact]
    public void UndeliverableBundle_IsTreatedLikeDisabled() =>
        Assert.Equal(new Resolution.FromRelease(IdOf(2), BundleOf(2), false),
            Resolve(Device(IdOf(0)), Chain(4).With(3, r => r with { BundleDeliverable = false })));

    [Fact]
    public void ScheduledLatest_IsNotOfferedBeforeItsDate()
    {
        Assert.Equal(new Resolution.FromRelease(IdOf(2), BundleOf(2), false),
            Resolve(Device(IdOf(0)), Chain(4).With(3, r => r with { ScheduleDate = Now.AddMinutes(1) })));
        Assert.Equal(new Resolution.FromRelease(IdOf(3), BundleOf(3), false),
            Resolve(Device(IdOf(0)), Chain(4).With(3, r => r with { ScheduleDate = Now })));
    }

    [Fact]
    public void FractionalPhase_AdmitsUpToItsCapacity_AndClaimantsKeepTheRelease()
    {
        var graph = Chain(3).With(2, r => r with { Phase = ReleasePhase.Share(0.3m) });
        var free = new PhaseClaims(new HashSet<Guid>(), new Dictionary<Guid, int> { [IdOf(2)] = 2 }, CohortDevices: 10);
        var full = new PhaseClaims(new HashSet<Guid>(), new Dictionary<Guid, int> { [IdOf(2)] = 3 }, CohortDevices: 10);
        var mine = new PhaseClaims(new HashSet<Guid> { IdOf(2) }, new Dictionary<Guid, int> { [IdOf(2)] = 3 }, CohortDevices: 10);

        Assert.Equal(new Resolution.FromRelease(IdOf(2), BundleOf(2), true), Resolve(Device(IdOf(0)), graph, free));
        Assert.Equal(new Resolution.FromRelease(IdOf(1), BundleOf(1), false), Resolve(Device(IdOf(0)), graph, full));
        Assert.Equal(new Resolution.FromRelease(IdOf(2), BundleOf(2), false), Resolve(Device(IdOf(0)), graph, mine));
    }

    [Fact]
    public void CountPhase_AdmitsThatManyDevices()
    {
        var graph = Chain(2).With(1, r => r with { Phase = ReleasePhase.Share(2m) });
        Assert.Equal(new Resolution.FromRelease(IdOf(1), BundleOf(1), true),
            Resolve(Device(IdOf(0)), graph, new PhaseClaims(new HashSet<Guid>(), new Dictionary<Guid, int> { [IdOf(1)] = 1 }, 1000)));
        Assert.IsType<Resolution.NoUpdate>(
            Resolve(Device(IdOf(0)), graph, new PhaseClaims(new HashSet<Guid>(), new Dictionary<Guid, int> { [IdOf(1)] = 2 }, 1000)));
    }

    [Fact]
    public void TagPhase_AdmitsDevicesWithAnyTag()
    {
        var graph = Chain(2).With(1, r => r with { Phase = ReleasePhase.ForTags("canary", "lab") });
        Assert.Equal(new Resolution.FromRelease(IdOf(1), BundleOf(1), false), Resolve(Device(IdOf(0), tags: ["lab"]), graph));
        Assert.IsType<Resolution.NoUpdate>(Resolve(Device(IdOf(0), tags: ["prod"]), graph));
    }

    [Fact]
    public void ReportedBundle_LocatesTheDevice_AtTheLowestVersionUsingIt()
    {
        // r1 and r3 ship the same bundle; the device is taken to be at r1, so it walks r2 (required) first.
        var graph = Chain(4).With(3, r => r with { BundleId = BundleOf(1) }).With(2, r => r with { Required = true });
        Assert.Equal(new Resolution.FromRelease(IdOf(2), BundleOf(2), false), Resolve(Device(bundle: BundleOf(1)), graph));
    }

    [Fact]
    public void UnknownReportedRelease_FallsBackToTheBundle() =>
        Assert.Equal(new Resolution.FromRelease(IdOf(3), BundleOf(3), false), Resolve(Device(Guid.CreateVersion7(), BundleOf(0)), Chain(4)));

    [Fact]
    public void ReportedVersion_LocatesTheDevice_ThroughVersionRequirements()
    {
        var forOld = VersionRequirement.Parse(">= 1.0.0 and < 1.2.0");
        var forNew = VersionRequirement.Parse(">= 1.2.0");
        var graph = Chain(4).With(2, r => r with { VersionRequirement = forOld, Required = true }).With(3, r => r with { VersionRequirement = forNew });

        Assert.Equal(new Resolution.FromRelease(IdOf(2), BundleOf(2), false), Resolve(Device(version: "1.0.5"), graph));
        Assert.Equal(new Resolution.FromRelease(IdOf(3), BundleOf(3), false), Resolve(Device(version: "1.2.0"), graph));
        Assert.IsType<Resolution.NoUpdate>(Resolve(Device(version: "0.9.0"), graph));
    }

    [Fact]
    public void TargetWhoseRequirementExcludesTheDevice_StepsBack()
    {
        var requirement = VersionRequirement.Parse(">= 1.1.0");
        var graph = Chain(3).With(2, r => r with { VersionRequirement = requirement });
        Assert.Equal(new Resolution.FromRelease(IdOf(1), BundleOf(1), false), Resolve(Device(IdOf(0), version: "1.0.0"), graph));
    }

    [Fact]
    public void NothingReported_NoUpdate() => Assert.IsType<Resolution.NoUpdate>(Resolve(Device(), Chain(3)));

    [Fact]
    public void TargetBundleAlreadyInstalled_NoUpdate() =>
        Assert.IsType<Resolution.NoUpdate>(Resolve(Device(IdOf(0), BundleOf(0)), Chain(2).With(1, r => r with { BundleId = BundleOf(0) })));

    /// <summary>r0 → r1 (halted: disabled, no longer required) → r2 (the rollback: required, r0's bundle) → r3.</summary>
    private static GraphBuilder RolledBack() => Chain(4)
        .With(1, r => r with { Disabled = true })
        .With(2, r => r with { BundleId = BundleOf(0), Required = true, Version = null });

    [Fact]
    public void NeverUpdatedDevice_IsOnTheRollbackRelease_AndGetsTheReleaseAfterIt()
    {
        Assert.Equal(new Resolution.FromRelease(IdOf(3), BundleOf(3), false), Resolve(Device(IdOf(0), BundleOf(0)), RolledBack()));
        Assert.Equal(IdOf(2), ReleaseResolver.ReleaseOf(Device(IdOf(0), BundleOf(0)), RolledBack().Build())?.Id);
    }

    [Fact]
    public void DeviceThatRolledBackByItself_IsOnTheRollbackRelease_AndGetsTheReleaseAfterIt() =>
        Assert.Equal(new Resolution.FromRelease(IdOf(3), BundleOf(3), false), Resolve(Device(IdOf(1), BundleOf(0)), RolledBack()));

    [Fact]
    public void DeviceThatTookTheHaltedRelease_GetsTheRollback_ThenTheReleaseAfterIt()
    {
        Assert.Equal(new Resolution.FromRelease(IdOf(2), BundleOf(0), false), Resolve(Device(IdOf(1), BundleOf(1)), RolledBack()));
        Assert.Equal(new Resolution.FromRelease(IdOf(3), BundleOf(3), false), Resolve(Device(IdOf(2), BundleOf(0)), RolledBack()));
    }

    [Fact]
    public void DeviceReportingOnlyItsBundle_WalksOnFromTheRollbackRelease() =>
        Assert.Equal(new Resolution.FromRelease(IdOf(3), BundleOf(3), false), Resolve(Device(bundle: BundleOf(0)), RolledBack()));

    [Fact]
    public void RollbackReleaseAsTheLatest_IsNoUpdateForDevicesRunningItsBundle()
    {
        var latestIsRollback = Chain(3).With(1, r => r with { Disabled = true }).With(2, r => r with { BundleId = BundleOf(0), Required = true });
        Assert.IsType<Resolution.NoUpdate>(Resolve(Device(IdOf(0), BundleOf(0)), latestIsRollback));
        Assert.Equal(IdOf(2), ReleaseResolver.ReleaseOf(Device(IdOf(0), BundleOf(0)), latestIsRollback.Build())?.Id);
    }
}
