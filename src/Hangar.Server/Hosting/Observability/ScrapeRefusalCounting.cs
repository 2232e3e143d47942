using Hangar.Server.Hosting.Authentication;

namespace Hangar.Server.Hosting.Observability;

/// <summary>
/// Counts refused scrapes of <c>/metrics</c> by status (401 no or a bad credential, 403 an organization's API key or
/// session): a scraper misconfigured after a key rotation shows as a rising count rather than as a silent gap.
/// </summary>
internal sealed class ScrapeRefusalCounting(RequestDelegate next, ServerMetrics metrics, AuthenticationFailures failures)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        if (context.Request.Path.Equals(MetricsEndpoint.Path, StringComparison.Ordinal)
            && context.Response.StatusCode is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden)
        {
            metrics.ScrapeRefused(context.Response.StatusCode);
            failures.Refused(AuthenticationFailures.ScrapeToken,
                context.Response.StatusCode == StatusCodes.Status401Unauthorized ? "missing_or_invalid" : "organization_credential");
        }
    }
}
