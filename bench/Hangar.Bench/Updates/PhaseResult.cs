namespace Hangar.Bench.Updates;

/// <summary>One measured phase: requests completed, their rate, latency percentiles, and answers by status.</summary>
internal sealed record PhaseResult(string Name, long Requests, double PerSecond, double P50Milliseconds, double P99Milliseconds, IReadOnlyDictionary<string, long> Answers);
