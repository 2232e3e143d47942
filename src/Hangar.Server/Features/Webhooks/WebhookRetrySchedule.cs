namespace Hangar.Server.Features.Webhooks;

/// <summary>
/// When to try a failed delivery again: 5 s after the first failure, four times longer each time up to 12 hours, each
/// delay jittered by ±20 % so endpoints that failed together are not retried together. A <c>Retry-After</c> from the
/// receiver is honoured when it asks for longer (up to a day). With the 72-hour window that is about 13 attempts.
/// </summary>
internal static class WebhookRetrySchedule
{
    private static readonly TimeSpan First = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Longest = TimeSpan.FromHours(12);
    private static readonly TimeSpan LongestRetryAfter = TimeSpan.FromDays(1);

    /// <param name="failedAttempts">Attempts made so far, all failed (1 after the first failure).</param>
    /// <param name="jitter">A number in [0, 1).</param>
    public static TimeSpan Delay(int failedAttempts, TimeSpan? retryAfter, double jitter)
    {
        var exponent = Math.Min(failedAttempts - 1, 20);
        var delay = TimeSpan.FromTicks((long)Math.Min(First.Ticks * Math.Pow(4, exponent), Longest.Ticks));
        delay *= 0.8 + (0.4 * jitter);
        if (retryAfter is { } asked && asked > delay)
        {
            delay = asked < LongestRetryAfter ? asked : LongestRetryAfter;
        }

        return delay;
    }
}
