namespace Hangar.Bench;

/// <summary>
/// One measurement: requests answered 200, requests that failed, the time taken, and the CPU this process (the
/// driver, and the in-process Hangar server) and nginx used meanwhile.
/// </summary>
internal sealed record HandshakeResult(long Completed, long Failed, TimeSpan Elapsed)
{
    public TimeSpan ProcessCpu { get; init; }
    public TimeSpan NginxCpu { get; init; }

    public double PerSecond => Completed / Elapsed.TotalSeconds;

    public double Microseconds(TimeSpan cpu) => cpu.TotalMicroseconds / Completed;
}
