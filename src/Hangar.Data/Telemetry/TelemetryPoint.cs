namespace Hangar.Data.Telemetry;

/// <summary>
/// One raw measurement. Times are Unix milliseconds (UTC), not DateTime: bucketing for rollups is then integer
/// arithmetic that reads the same on both providers (ADR 11). <see cref="ReceivedAt"/> is when the writer stored it:
/// rollups find late points by it.
/// </summary>
public sealed class TelemetryPoint
{
    public long Id { get; init; }
    public required long SeriesId { get; init; }
    public required long Time { get; init; }
    public required double Value { get; init; }
    public required long ReceivedAt { get; init; }
}
