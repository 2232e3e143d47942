namespace Hangar.Server.Hosting;

/// <summary>Background loops waiting on the server's clock without running inside the clock's own callback.</summary>
internal static class ClockTicks
{
    /// <summary>
    /// <see cref="PeriodicTimer.WaitForNextTickAsync"/>, then continuing on the thread pool. A clock moved forward by
    /// days at once (the tests' fake clock is) calls the timer back once per period it skipped, and a loop resumed
    /// inside that call would do its work once per skipped period on the clock's thread: tens of thousands of database
    /// reads for one jump, holding up whoever moved the clock. Resumed outside it, the skipped periods collapse into
    /// the one pending tick the timer keeps, as they do with the system clock.
    /// </summary>
    public static async ValueTask<bool> NextTickAsync(this PeriodicTimer timer, CancellationToken cancellationToken)
    {
        if (!await timer.WaitForNextTickAsync(cancellationToken))
        {
            return false;
        }

        await Task.Yield();
        return true;
    }
}
