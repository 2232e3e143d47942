using Hangar.Core.Releases;
using Xunit;
using static Hangar.Core.Tests.Releases.GraphBuilder;

namespace Hangar.Core.Tests.Releases;

/// <summary>Hardware targets in resolution: a release whose bundle has nothing for the device's target is stepped over.</summary>
public sealed class ReleaseResolverTargetTests
{
    private static readonly HashSet<string> OnlyT25 = ["t25"];

    private static Resolution Resolve(DeviceState device, GraphBuilder graph) =>
        ReleaseResolver.Resolve(device, graph.Build(), [], PhaseClaims.None(10), Now);

    [Fact]
    public void LatestWithoutTheDevicesTarget_StepsBackToTheReleaseBefore() =>
        Assert.Equal(new Resolution.FromRelease(IdOf(3), BundleOf(3), false),
            Resolve(Device(IdOf(0)) with { Target = "x86_64" }, Chain(5).With(4, r => r with { BundleTargets = OnlyT25 })));

    [Fact]
    public void LatestWithThatTargetOrAPortableBinary_IsOffered()
    {
        HashSet<string> portable = ["portable"];

        Assert.Equal(IdOf(4), Offered(Resolve(Device(IdOf(0)) with { Target = "t25" }, Chain(5).With(4, r => r with { BundleTargets = OnlyT25 }))));
        Assert.Equal(IdOf(4), Offered(Resolve(Device(IdOf(0)) with { Target = "x86_64" }, Chain(5).With(4, r => r with { BundleTargets = portable }))));
    }

    [Fact]
    public void DeviceWithoutARecordedTarget_IsNotJudged() =>
        Assert.Equal(IdOf(4), Offered(Resolve(Device(IdOf(0)), Chain(5).With(4, r => r with { BundleTargets = OnlyT25 }))));

    [Fact]
    public void NoReleaseOnThePathServesTheDevice_NoUpdate() =>
        Assert.IsType<Resolution.NoUpdate>(Resolve(Device(IdOf(3)) with { Target = "x86_64" }, Chain(5).With(4, r => r with { BundleTargets = OnlyT25 })));

    private static Guid Offered(Resolution resolution) => Assert.IsType<Resolution.FromRelease>(resolution).ReleaseId;
}
