namespace Hangar.Contracts.Telemetry;

/// <summary>One step of a series: the step's start and the aggregate of the values that fell in it.</summary>
public sealed record MetricPointResponse(DateTime Time, double Value);
