using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Hangar.Core.Releases;
using Xunit;

namespace Hangar.Core.Tests.Releases;

public sealed class ReleaseFailurePolicyTests
{
    [Fact]
    public void FailureRate_NothingFinished_IsNull() => Assert.Null(ReleaseFailurePolicy.FailureRate(new UpdateOutcomes(0, 0, 0)));

    [Fact]
    public void FailureRate_CountsFailedAndRolledBackOverFinished() =>
        Assert.Equal(0.5m, ReleaseFailurePolicy.FailureRate(new UpdateOutcomes(Committed: 4, Failed: 3, RolledBack: 1)));

    [Fact]
    public void ShouldHalt_NoPolicy_NeverHalts() =>
        Assert.False(ReleaseFailurePolicy.ShouldHalt(new UpdateOutcomes(0, 100, 100), null, null, out _));

    [Fact]
    public void ShouldHalt_RateReachedButTooFewFinished_DoesNotHalt() =>
        Assert.False(ReleaseFailurePolicy.ShouldHalt(new UpdateOutcomes(0, 4, 0), 0.5m, 5, out _));

    [Fact]
    public void ShouldHalt_RateExactlyAtTheThreshold_HaltsWithAReasonGivingTheFigures()
    {
        Assert.True(ReleaseFailurePolicy.ShouldHalt(new UpdateOutcomes(Committed: 3, Failed: 0, RolledBack: 1), 0.25m, 4, out var reason));
        Assert.Contains("1 of 4", reason, StringComparison.Ordinal);
        Assert.Contains("(25%)", reason, StringComparison.Ordinal);
        Assert.Contains("25% limit", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ShouldHalt_RateJustBelowTheThreshold_DoesNotHalt() =>
        Assert.False(ReleaseFailurePolicy.ShouldHalt(new UpdateOutcomes(Committed: 4, Failed: 1, RolledBack: 0), 0.25m, 1, out _));

    [Theory]
    [InlineData(null, null, null)]
    [InlineData(0.1, 1, null)]
    [InlineData(1.0, 50, null)]
    [InlineData(0.5, null, "halt_minimum_devices")]
    [InlineData(null, 3, "halt_failure_rate")]
    [InlineData(0.0, 3, "halt_failure_rate")]
    [InlineData(1.5, 3, "halt_failure_rate")]
    [InlineData(0.5, 0, "halt_minimum_devices")]
    public void Refusal_NamesTheFieldAtFault(double? rate, int? minimum, string? field) =>
        Assert.Equal(field, ReleaseFailurePolicy.Refusal((decimal?)rate, minimum)?.Field);

    [Property]
    public Property ShouldHalt_IsMonotoneInFailures() => Prop.ForAll(
        Gen.Choose(0, 50).Three().ToArbitrary(),
        Gen.Choose(1, 100).Two().ToArbitrary(),
        (counts, policy) =>
        {
            var (committed, failed, rolledBack) = counts;
            var rate = policy.Item1 / 100m;
            var before = new UpdateOutcomes(committed, failed, rolledBack);
            var after = before with { Failed = failed + 1 };

            // One more failure can never turn a halt into no halt.
            return !ReleaseFailurePolicy.ShouldHalt(before, rate, policy.Item2, out _)
                || ReleaseFailurePolicy.ShouldHalt(after, rate, policy.Item2, out _);
        });
}
