using Hangar.Agent.Control;

namespace Hangar.Agent.Tests.Control;

public sealed class ReconnectBackoffTests
{
    [Fact]
    public void Backoff_IsFullJitter_UnderADoublingBound_CappedAtTheMaximum()
    {
        var random = new Random(7);
        var max = TimeSpan.FromSeconds(300);
        for (var failures = 1; failures <= 20; failures++)
        {
            var bound = TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, failures - 1)));
            var delays = Enumerable.Range(0, 200).Select(_ => ControlSocketLoop.Backoff(failures, max, random)).ToList();

            Assert.All(delays, d => Assert.InRange(d, TimeSpan.Zero, bound));
            // Full jitter: some delays fall in the lower half of the bound (equal jitter never goes below half).
            Assert.Contains(delays, d => d < bound / 2);
        }
    }
}
