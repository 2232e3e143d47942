namespace Hangar.Contracts.Telemetry;

/// <summary>
/// One batch of telemetry a device sends (<c>POST /device/v1/telemetry</c>, or a control-socket frame of type
/// <c>telemetry</c>): application and collector metrics, and heartbeats. The whole batch is accepted or refused:
/// a batch that breaks any limit stores nothing.
/// </summary>
public sealed record TelemetryBatchRequest(
    IReadOnlyList<MetricPointRequest>? Metrics = null,
    IReadOnlyList<HeartbeatRequest>? Heartbeats = null);
