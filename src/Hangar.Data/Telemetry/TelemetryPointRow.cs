namespace Hangar.Data.Telemetry;

/// <summary>A point on its way to <see cref="ITelemetryStatements.WriteAsync"/>: its series, time (Unix ms) and value.</summary>
public readonly record struct TelemetryPointRow(long SeriesId, long Time, double Value);
