namespace Hangar.Agent.Downloads;

/// <summary>Exponential backoff with "equal jitter": half the delay is fixed, half random, so a fleet that lost the same server spreads out.</summary>
public static class RetryBackoff
{
    /// <param name="failures">Consecutive failures so far, 1 for the first.</param>
    public static TimeSpan Delay(int failures, TimeSpan initial, TimeSpan max, Random random)
    {
        var exponent = Math.Min(failures - 1, 30);
        var full = Math.Min(max.TotalMilliseconds, initial.TotalMilliseconds * Math.Pow(2, exponent));
        return TimeSpan.FromMilliseconds((full / 2) + (random.NextDouble() * full / 2));
    }
}
