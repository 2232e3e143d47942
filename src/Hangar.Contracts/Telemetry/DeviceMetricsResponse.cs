namespace Hangar.Contracts.Telemetry;

/// <summary>
/// A device's series of one metric name. <see cref="Resolution"/> says which stored data answered (<c>raw</c>,
/// <c>1m</c> or <c>1h</c>, picked from the step), <see cref="StepSeconds"/> the width of each point.
/// </summary>
public sealed record DeviceMetricsResponse(
    Guid DeviceId,
    string Name,
    DateTime From,
    DateTime To,
    int StepSeconds,
    string Aggregation,
    string Resolution,
    IReadOnlyList<MetricSeriesResponse> Series);
