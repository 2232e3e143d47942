using System.Reflection;
using Hangar.Contracts.Common;
using Microsoft.AspNetCore.Authorization;

namespace Hangar.Server.Hosting.Authorization;

/// <summary>
/// Deny by default: a route that declares no permission is refused (401 without a caller, 403 with one), except
/// routing's own 405/415 endpoints, which carry no handler and only answer their error.
/// </summary>
internal sealed class DeclaredPermissionAuthorizationHandler : AuthorizationHandler<DeclaredPermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, DeclaredPermissionRequirement requirement)
    {
        if (context.Resource is not HttpContext http || http.GetEndpoint() is not { } endpoint)
        {
            return Task.CompletedTask;
        }

        if (endpoint.Metadata.GetMetadata<RequiresPermissionAttribute>() is not null || endpoint.Metadata.GetMetadata<MethodInfo>() is null)
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
