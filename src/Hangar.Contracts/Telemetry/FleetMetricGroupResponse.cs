namespace Hangar.Contracts.Telemetry;

/// <summary>
/// One group of a fleet aggregate: its key (a product, cohort or release id, or a tag; null for devices in no cohort
/// or reporting no release), how many devices reported the metric in the window, and the aggregate of their values.
/// </summary>
public sealed record FleetMetricGroupResponse(string? Key, int Devices, double Value);
