using Hangar.Agent.State;
using Microsoft.Extensions.Time.Testing;

namespace Hangar.Agent.Tests.State;

public sealed class RetryBackoffTests
{
    private static readonly UpdateSource Update = new(UpdateSourceKind.Release, "release-1", "bundle-1", "1.0.0");
    private static readonly UpdateSource Other = new(UpdateSourceKind.Release, "release-2", "bundle-2", "2.0.0");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));

    private static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(10 * attempts);

    [Fact]
    public void Interruption_First_IsRetriedAtOnce()
    {
        var failure = new AgentState().WithInterruption(Update, _time).LastFailure!;

        Assert.Equal(_time.GetUtcNow(), failure.RetryAt(Backoff));
    }

    [Fact]
    public void Interruption_Repeated_BacksOffLikeAFailure()
    {
        var state = new AgentState().WithInterruption(Update, _time);
        _time.Advance(TimeSpan.FromMinutes(1));

        var failure = state.WithInterruption(Update, _time).LastFailure!;

        Assert.Equal(2, failure.Attempts);
        Assert.Equal(_time.GetUtcNow() + Backoff(1), failure.RetryAt(Backoff));
    }

    [Fact]
    public void Failure_AfterAnInterruption_CountsBoth()
    {
        var failure = new AgentState().WithInterruption(Update, _time).WithFailure(Update, _time).LastFailure!;

        Assert.Equal((2, false), (failure.Attempts, failure.Interrupted));
        Assert.Equal(_time.GetUtcNow() + Backoff(2), failure.RetryAt(Backoff));
    }

    [Fact]
    public void Interruption_OfAnotherUpdate_StartsTheCountAgain()
    {
        var failure = new AgentState().WithFailure(Update, _time).WithInterruption(Other, _time).LastFailure!;

        Assert.Equal((1, "release-2"), (failure.Attempts, failure.SourceId));
        Assert.Equal(_time.GetUtcNow(), failure.RetryAt(Backoff));
    }
}
