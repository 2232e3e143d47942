using System.ComponentModel.DataAnnotations;

namespace Hangar.Server.Features.Telemetry;

/// <summary>
/// Section <c>Telemetry</c>: the intake's limits (a batch breaking one is refused whole, 4xx, nothing stored), the
/// write queue, rollups and retention. Documented in docs/operations.md.
/// </summary>
internal sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>Largest request body of <c>POST /device/v1/telemetry</c> (413 <c>payload_too_large</c>).</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Points per batch, metrics and the heartbeats' numbers together (413 <c>telemetry_too_many_points</c>).</summary>
    [Range(1, 1_000_000)]
    public int MaxPointsPerBatch { get; set; } = 5000;

    /// <summary>Metric name length (names: <c>[a-z][a-z0-9_.]*</c>; 400 <c>telemetry_invalid_metric</c>).</summary>
    [Range(1, 256)]
    public int MaxNameLength { get; set; } = 128;

    /// <summary>Labels on one point, and the length of their keys (<c>[a-z_][a-z0-9_]*</c>) and values.</summary>
    [Range(0, 64)]
    public int MaxLabelsPerPoint { get; set; } = 8;

    [Range(1, 256)]
    public int MaxLabelKeyLength { get; set; } = 64;

    [Range(1, 1024)]
    public int MaxLabelValueLength { get; set; } = 128;

    /// <summary>Distinct metric names one device may have (422 <c>telemetry_name_limit</c>).</summary>
    [Range(1, 100_000)]
    public int MaxNamesPerDevice { get; set; } = 200;

    /// <summary>Distinct series (name and label set) one device may have: its label cardinality (422 <c>telemetry_series_limit</c>).</summary>
    [Range(1, 1_000_000)]
    public int MaxSeriesPerDevice { get; set; } = 1000;

    /// <summary>How old a point may be when it arrives (an agent's buffer after an outage); older is refused (400 <c>telemetry_time_out_of_range</c>).</summary>
    [Range(60, 30 * 24 * 3600)]
    public int MaxPastSeconds { get; set; } = 24 * 3600;

    /// <summary>How far ahead of the server's clock a point may be (a device's clock drifts); further is refused.</summary>
    [Range(0, 24 * 3600)]
    public int MaxFutureSeconds { get; set; } = 300;

    /// <summary>Points per device per minute, a token bucket (429 <c>telemetry_rate_limited</c> with Retry-After).</summary>
    [Range(1, 10_000_000)]
    public int PointsPerDevicePerMinute { get; set; } = 12_000;

    /// <summary>Points a device may send at once after being quiet (at least one full batch).</summary>
    [Range(1, 10_000_000)]
    public int PointsPerDeviceBurst { get; set; } = 12_000;

    /// <summary>Points waiting in this node's write queue at most; beyond, 503 <c>telemetry_queue_full</c> with Retry-After.</summary>
    [Range(1, 100_000_000)]
    public int QueueCapacityPoints { get; set; } = 500_000;

    /// <summary>Points the writer stores in one transaction at most.</summary>
    [Range(1, 1_000_000)]
    public int WriteBatchPoints { get; set; } = 20_000;

    /// <summary>Devices whose series ids this node keeps in memory (the rest are read back when they send).</summary>
    [Range(1, 10_000_000)]
    public int SeriesCacheDevices { get; set; } = 20_000;

    /// <summary>How often one node (holding the lease) rolls up new points and applies retention.</summary>
    [Range(1, 3600)]
    public int RollupIntervalSeconds { get; set; } = 30;

    /// <summary>
    /// Points stored less than this long ago wait for the next rollup: covers a write transaction still open and the
    /// clock difference between nodes (the writer of each node stamps its points).
    /// </summary>
    [Range(0, 600)]
    public int RollupSettleSeconds { get; set; } = 10;

    /// <summary>Retention per resolution: raw points (by arrival), one-minute and one-hour rollups.</summary>
    [Range(1, 3650)]
    public int RawRetentionDays { get; set; } = 7;

    [Range(1, 3650)]
    public int MinuteRetentionDays { get; set; } = 31;

    [Range(1, 3650)]
    public int HourRetentionDays { get; set; } = 400;

    /// <summary>Points one query answer may hold at most (series × steps; 400 beyond: widen the step).</summary>
    [Range(10, 1_000_000)]
    public int MaxPointsPerAnswer { get; set; } = 10_000;
}
