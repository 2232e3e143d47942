using Microsoft.AspNetCore.Authorization;

namespace Hangar.Server.Hosting.Observability;

/// <summary><c>/metrics</c>'s policy: the configured scrape token, and nothing else.</summary>
internal sealed class MetricsScrapeRequirement : IAuthorizationRequirement
{
    public const string Policy = "metrics-scrape";
}
