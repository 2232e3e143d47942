using System.Diagnostics.Metrics;
using Hangar.Server.Features.Fleet;
using Microsoft.Extensions.DependencyInjection;

namespace Hangar.Server.Tests.Fleet;

/// <summary>Overlapping refreshes of the fleet gauges: the pass begun last wins, whichever query finishes last.</summary>
public sealed class FleetGaugePublishingTests
{
    [Fact]
    public void APassBegunEarlier_ThatFinishesLater_DoesNotPutBackTheOlderFleet()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var gauges = new FleetGauges(services.GetRequiredService<IMeterFactory>());
        var older = new FleetSnapshot([], [], []);
        var newer = new FleetSnapshot([], [], []);
        var periodic = gauges.BeginPass();
        var asked = gauges.BeginPass();

        gauges.Publish(asked, newer, DateTimeOffset.UnixEpoch.AddSeconds(2));
        gauges.Publish(periodic, older, DateTimeOffset.UnixEpoch.AddSeconds(1));

        Assert.Same(newer, gauges.Current);
    }

    [Fact]
    public void PassesInOrder_EachReplacesThePrevious()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var gauges = new FleetGauges(services.GetRequiredService<IMeterFactory>());
        var first = new FleetSnapshot([], [], []);
        var second = new FleetSnapshot([], [], []);

        gauges.Publish(gauges.BeginPass(), first, DateTimeOffset.UnixEpoch);
        Assert.Same(first, gauges.Current);
        gauges.Publish(gauges.BeginPass(), second, DateTimeOffset.UnixEpoch);

        Assert.Same(second, gauges.Current);
    }
}
