using Hangar.Contracts.Common;
using Hangar.Server.Hosting.Authorization;
using Microsoft.AspNetCore.Authorization;

namespace Hangar.Server.Hosting.Observability;

/// <summary>
/// Lets a scrape through with the scrape token (which the API-key scheme leaves alone) and nothing else. An API key or
/// session belongs to one organization, and the exposition counts every organization's devices (its labels name
/// them) and the server's own figures: admitting any organization's key would show it the others' fleets (ADR 12).
/// No credential: nothing is decided here, and the Caller scheme's challenge answers 401; an organization's caller
/// gets 403 <c>scrape_token_required</c>.
/// </summary>
internal sealed class MetricsScrapeAuthorizationHandler(ScrapeToken scrapeToken) : AuthorizationHandler<MetricsScrapeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, MetricsScrapeRequirement requirement)
    {
        if (context.Resource is HttpContext http && scrapeToken.Matches(http.Request))
        {
            context.Succeed(requirement);
        }
        else if (context.User.Identity?.IsAuthenticated == true)
        {
            context.Fail(new AccessRefusal(this, ErrorCodes.ScrapeTokenRequired,
                "/metrics is the server operator's: only the configured scrape token (Observability:ScrapeToken) may read it. "
                + "An organization's figures are served by GET /api/v1/fleet/summary and /api/v1/metrics."));
        }

        return Task.CompletedTask;
    }
}
