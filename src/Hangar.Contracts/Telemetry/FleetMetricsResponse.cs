namespace Hangar.Contracts.Telemetry;

/// <summary>A metric aggregated over the fleet's devices in a window, one value per group.</summary>
public sealed record FleetMetricsResponse(
    string Name,
    string GroupBy,
    DateTime From,
    DateTime To,
    string Aggregation,
    string Resolution,
    IReadOnlyList<FleetMetricGroupResponse> Groups);
