namespace Hangar.Contracts.Common;

/// <summary>
/// The answer of <c>/healthz</c>: <c>ok</c> when every component is healthy, <c>degraded</c> (200: the node still
/// serves) when one is degraded, <c>unhealthy</c> (503: the node cannot serve, e.g. the database is unavailable) when
/// one is unhealthy. <see cref="Checks"/> is the short form kept for existing clients; <see cref="Components"/> says
/// each component's status and why.
/// </summary>
public sealed record HealthResponse(string Status, HealthChecks? Checks = null, IReadOnlyList<HealthComponent>? Components = null);
