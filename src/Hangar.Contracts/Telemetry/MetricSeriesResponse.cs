namespace Hangar.Contracts.Telemetry;

/// <summary>One series of a device (its label set) over the asked window; steps without data are left out.</summary>
public sealed record MetricSeriesResponse(IReadOnlyDictionary<string, string> Labels, string? Unit, IReadOnlyList<MetricPointResponse> Points);
