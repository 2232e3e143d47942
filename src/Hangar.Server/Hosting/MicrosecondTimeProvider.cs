namespace Hangar.Server.Hosting;

/// <summary>
/// The system clock cut to whole microseconds. PostgreSQL keeps microseconds and .NET ticks are 100 ns, so without
/// this a resource read back would differ from the answer that created it; SQLite then matches PostgreSQL too.
/// </summary>
internal sealed class MicrosecondTimeProvider : TimeProvider
{
    public override DateTimeOffset GetUtcNow()
    {
        var now = System.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>A time a client sent, cut the same way, so the answer echoing it equals what is read back later.</summary>
    public static DateTime Truncate(DateTime time) => time.AddTicks(-(time.Ticks % TimeSpan.TicksPerMicrosecond));
}
