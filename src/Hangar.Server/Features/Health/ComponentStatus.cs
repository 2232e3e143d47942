namespace Hangar.Server.Features.Health;

/// <summary>A <c>/healthz</c> component's status, from best to worst; the worst is the answer's.</summary>
internal static class ComponentStatus
{
    public const string Healthy = "healthy";

    /// <summary>Something needs attention, but the node serves: 200, so a load balancer keeps it.</summary>
    public const string Degraded = "degraded";

    /// <summary>The node cannot serve: 503.</summary>
    public const string Unhealthy = "unhealthy";
}
