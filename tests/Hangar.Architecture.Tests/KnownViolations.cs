namespace Hangar.Architecture.Tests;

/// <summary>
/// Violations that exist on this branch and are being removed on another; the lead empties this list when the
/// branches merge. Nothing else may be added here: a new violation is fixed, not listed.
/// </summary>
internal static class KnownViolations
{
    /// <summary>Hosting types that still reference features.</summary>
    public static readonly IReadOnlySet<string> HostingTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        // Removed by the auth branch (the pipeline and its authentication middlewares become authentication handlers).
        "Hangar.Server.Hosting.Pipeline",
        // Removed by the auth branch (rate limits per device identity).
        "Hangar.Server.Hosting.RateLimiting.RateLimitingSetup",
        // Removed by the auth branch (the permission guard becomes authorization policies).
        "Hangar.Server.Hosting.Authorization.PermissionGuardMiddleware",
        // Removed by the auth branch (endpoint conventions without feature types).
        "Hangar.Server.Hosting.Authorization.EndpointConventions",
        // Removed by the auth branch (listeners without device authentication).
        "Hangar.Server.Hosting.Listeners.KestrelListeners",
    };

    /// <summary>Feature-to-feature references left out of the cycle check, as (from, to).</summary>
    public static readonly IReadOnlySet<(string From, string To)> FeatureEdges = new HashSet<(string, string)>
    {
        // Removed by the auth branch (the Identity ↔ Devices cycle is broken there; one of these two edges stays).
        ("Identity", "Devices"),
        ("Devices", "Identity"),
        // Removed by the auth branch (the /device/v1 group, Features/Identity/DeviceApi.cs, moves to the root).
        ("Identity", "Updates"),
    };
}
