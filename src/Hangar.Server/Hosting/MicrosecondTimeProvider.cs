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
}
