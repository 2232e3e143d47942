using Hangar.Server.Hosting.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace Hangar.Server.Hosting.Observability;

internal static class MetricsEndpoint
{
    public const string Path = "/metrics";

    /// <summary>
    /// The Prometheus text exposition on the admin listener (the listener guard's default). Its own policy, not a
    /// <c>Permission</c> route: the scrape token is no API key, so the permission policies could not admit it.
    /// </summary>
    public static IEndpointConventionBuilder MapServerMetrics(this IEndpointRouteBuilder app) =>
        app.MapPrometheusScrapingEndpoint(Path)
            .WithMetadata(new AuthorizeAttribute(MetricsScrapeRequirement.Policy) { AuthenticationSchemes = CallerSchemes.Caller })
            // The exporter maps every method; a scrape is a GET (and HEAD, like every GET route here).
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]))
            .WithDisplayName("GET /metrics");
}
