using System.Reflection;
using Hangar.Contracts.Common;
using Microsoft.AspNetCore.Authorization;

namespace Hangar.Server.Hosting.Authorization;

/// <summary>
/// Deny by default: a route that declares no permission is refused (401 without a caller, 403 with one), except
/// routing's own 405 endpoints, which carry no handler and only answer their error, and requests that matched no
/// route at all, which are 404 whoever asks.
/// </summary>
internal sealed class DeclaredPermissionAuthorizationHandler : AuthorizationHandler<DeclaredPermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, DeclaredPermissionRequirement requirement)
    {
        if (context.Resource is not HttpContext http)
        {
            return Task.CompletedTask;
        }

        if (http.GetEndpoint() is not { } endpoint
            || endpoint.Metadata.GetMetadata<RequiresPermissionAttribute>() is not null || endpoint.Metadata.GetMetadata<MethodInfo>() is null)
        {
            context.Succeed(requirement);
        }
        else if (context.User.Identity?.IsAuthenticated == true)
        {
            context.Fail(new AccessRefusal(this, ErrorCodes.InsufficientRole, "This route declares no permission."));
        }

        return Task.CompletedTask;
    }
}
