namespace Hangar.Bench.Telemetry;

/// <summary>One round of the telemetry driver: points accepted (202), written within the window, refusals, and the time to drain.</summary>
internal sealed record IngestResult(long Accepted, long Written, long QueueFull, long Failed, TimeSpan Elapsed, TimeSpan Drain, bool Drained, TimeSpan ProcessCpu)
{
    public double WrittenPerSecond => Written / Elapsed.TotalSeconds;

    public override string ToString() =>
        $"accepted {Accepted / Elapsed.TotalSeconds:0}/s, written {WrittenPerSecond:0} points/s, {QueueFull} batches refused for a full queue, {Failed} failed, " +
        $"queue drained {(Drained ? "" : "NOT ")}{Drain.TotalSeconds:0.0} s after; process CPU {ProcessCpu.TotalMicroseconds / Math.Max(1, Accepted):0.0} µs per accepted point (server and driver)";
}
