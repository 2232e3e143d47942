namespace Hangar.Contracts.Common;

/// <summary>
/// The answer of <c>/healthz</c>: <c>ok</c>, or <c>degraded</c> when a check failed (503 when the database is
/// unavailable, since then nothing can be served; 200 otherwise).
/// </summary>
public sealed record HealthResponse(string Status, HealthChecks? Checks = null);
