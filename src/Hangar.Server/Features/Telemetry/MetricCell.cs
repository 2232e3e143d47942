namespace Hangar.Server.Features.Telemetry;

/// <summary>
/// What is known of a series over a stretch of time — a raw point is a cell of one, a rollup bucket a stored cell —
/// and how cells merge into a step and give the asked aggregation.
/// </summary>
internal readonly record struct MetricCell(double Min, double Max, double Sum, long Count, double Last, long LastTime)
{
    public static MetricCell Point(double value, long time) => new(value, value, value, 1, value, time);

    public MetricCell Merge(MetricCell other) => new(
        Math.Min(Min, other.Min), Math.Max(Max, other.Max), Sum + other.Sum, Count + other.Count,
        other.LastTime >= LastTime ? other.Last : Last, Math.Max(LastTime, other.LastTime));

    public double Value(string aggregation) => aggregation switch
    {
        "min" => Min,
        "max" => Max,
        "sum" => Sum,
        "count" => Count,
        "last" => Last,
        _ => Sum / Count,
    };
}
