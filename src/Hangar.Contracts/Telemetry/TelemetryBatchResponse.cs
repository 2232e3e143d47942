namespace Hangar.Contracts.Telemetry;

/// <summary>
/// A batch was accepted (202): its points are queued for writing and appear in queries within seconds (rollups within
/// the rollup interval). <see cref="Points"/> counts the metrics and the heartbeats' numbers.
/// </summary>
public sealed record TelemetryBatchResponse(int Points, int Heartbeats);
