namespace Hangar.Data.Telemetry;

/// <summary>
/// A series' points in one bucket of <see cref="Resolution"/> seconds (60 or 3600) starting at <see cref="Bucket"/>
/// (Unix milliseconds): min, max, sum, count, and the value of the latest point (<see cref="Last"/> at
/// <see cref="LastTime"/>). Recomputed from the raw points whenever a point arrives for the bucket.
/// </summary>
public sealed class TelemetryRollup
{
    public required long SeriesId { get; init; }
    public required int Resolution { get; init; }
    public required long Bucket { get; init; }
    public required double Min { get; init; }
    public required double Max { get; init; }
    public required double Sum { get; init; }
    public required long Count { get; init; }
    public required double Last { get; init; }
    public required long LastTime { get; init; }
}
