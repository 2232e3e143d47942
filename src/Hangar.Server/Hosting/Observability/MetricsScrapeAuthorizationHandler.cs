using System.Security.Claims;
using Hangar.Contracts.Common;
using Hangar.Core.Access;
using Hangar.Server.Hosting.Authorization;
using Microsoft.AspNetCore.Authorization;

namespace Hangar.Server.Hosting.Observability;

/// <summary>
/// Lets a scrape through with the scrape token (which the API-key scheme leaves alone) or with an API key or session
/// whose role holds <see cref="Permission.MetricsRead"/>. With neither nothing is decided here, and the Caller scheme's
/// challenge answers 401; a caller without the permission gets 403 <c>insufficient_role</c>.
/// </summary>
internal sealed class MetricsScrapeAuthorizationHandler(ScrapeToken scrapeToken) : AuthorizationHandler<MetricsScrapeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, MetricsScrapeRequirement requirement)
    {
        if (context.Resource is HttpContext http && scrapeToken.Matches(http.Request))
        {
            context.Succeed(requirement);
        }
        else if (RoleNames.TryParse(context.User.FindFirst(ClaimTypes.Role)?.Value, out var role))
        {
            if (PermissionMatrix.Allows(role, Permission.MetricsRead))
            {
                context.Succeed(requirement);
            }
            else
            {
                context.Fail(new AccessRefusal(this, ErrorCodes.InsufficientRole,
                    $"Role '{role.ToWire()}' may not read metrics; it needs '{PermissionMatrix.MinimumRoleFor(Permission.MetricsRead).ToWire()}'."));
            }
        }

        return Task.CompletedTask;
    }
}
