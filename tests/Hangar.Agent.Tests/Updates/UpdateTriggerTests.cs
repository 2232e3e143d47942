using Hangar.Agent.Updates;
using Microsoft.Extensions.Time.Testing;

namespace Hangar.Agent.Tests.Updates;

public sealed class UpdateTriggerTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CheckNow_EndsTheWaitBeforeItsDelay()
    {
        var trigger = new UpdateTrigger();
        var time = new FakeTimeProvider();
        var waiting = trigger.WaitAsync(TimeSpan.FromHours(1), time, Cancel);
        Assert.False(waiting.IsCompleted);

        trigger.CheckNow();

        await waiting.WaitAsync(TimeSpan.FromSeconds(10), Cancel);
    }

    [Fact]
    public async Task CheckNow_BetweenWaits_EndsTheNextWaitAtOnce_ButOnlyThatOne()
    {
        var trigger = new UpdateTrigger();
        var time = new FakeTimeProvider();

        trigger.CheckNow();
        await trigger.WaitAsync(TimeSpan.FromHours(1), time, Cancel).WaitAsync(TimeSpan.FromSeconds(10), Cancel);

        var next = trigger.WaitAsync(TimeSpan.FromHours(1), time, Cancel);
        await Task.Delay(100, Cancel);
        Assert.False(next.IsCompleted);
        time.Advance(TimeSpan.FromHours(1));
        await next.WaitAsync(TimeSpan.FromSeconds(10), Cancel);
    }
}
