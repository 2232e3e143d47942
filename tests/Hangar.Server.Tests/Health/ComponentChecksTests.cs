using System.Diagnostics.Metrics;
using Hangar.Data.Telemetry;
using Hangar.Server.Features.Health;
using Hangar.Server.Features.Telemetry;
using Hangar.Server.Features.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Tests.Health;

/// <summary>The thresholds of the components that lag rather than fail: the webhook backlog and the telemetry queue.</summary>
public sealed class ComponentChecksTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Webhooks_ADueDeliveryWaitingPastTheLag_IsDegraded_WithTheBacklogInTheReason()
    {
        var lagging = ComponentChecks.Webhooks(new WebhookBacklog.Snapshot(42, Now - ComponentChecks.WebhookLag - TimeSpan.FromMinutes(1), Now), Now);

        Assert.Equal(ComponentStatus.Degraded, lagging.Status);
        Assert.Contains("42 webhook deliveries pending", lagging.Reason, StringComparison.Ordinal);
        Assert.Contains("6 min", lagging.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void Webhooks_NothingDueLongerThanTheLag_IsHealthy(int minutesDue)
    {
        var since = minutesDue == 0 ? (DateTimeOffset?)null : Now - TimeSpan.FromMinutes(minutesDue);

        var check = ComponentChecks.Webhooks(new WebhookBacklog.Snapshot(1000, since, Now), Now);

        Assert.Equal((ComponentStatus.Healthy, null), (check.Status, check.Reason));
    }

    [Fact]
    public void TelemetryQueue_NearlyFull_IsDegraded()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var queue = new TelemetryQueue(Options.Create(new TelemetryOptions { QueueCapacityPoints = 10 }), services.GetRequiredService<IMeterFactory>());
        Assert.Equal(ComponentStatus.Healthy, ComponentChecks.TelemetryQueue(queue).Status);

        Assert.True(queue.TryEnqueue(Work(8)));

        var check = ComponentChecks.TelemetryQueue(queue);
        Assert.Equal(ComponentStatus.Degraded, check.Status);
        Assert.Contains("8 of 10 points", check.Reason, StringComparison.Ordinal);
    }

    private static TelemetryWork Work(int points) => new(new TelemetryPointRow[points], Heartbeat: null);
}
