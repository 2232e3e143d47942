using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Hangar.Contracts.Common;
using Hangar.Core.Access;
using Hangar.Server.Hosting.Authentication;
using Hangar.Server.Hosting.Http;
using Microsoft.AspNetCore.Authorization;

namespace Hangar.Server.Hosting.Authorization;

/// <summary>
/// Evaluates a permission's policy with <see cref="PermissionMatrix"/> against the caller's effective role. Cookie
/// mutations must also echo the session's anti-forgery token, which a cross-site page cannot read. Without a caller
/// nothing is decided here, and the policy answers with its schemes' challenge (401).
/// </summary>
internal sealed class PermissionAuthorizationHandler : AuthorizationHandler<PermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (!RoleNames.TryParse(context.User.FindFirst(ClaimTypes.Role)?.Value, out var role))
        {
            return Task.CompletedTask;
        }

        if (!PermissionMatrix.Allows(role, requirement.Permission))
        {
            context.Fail(new AccessRefusal(this, ErrorCodes.InsufficientRole,
                $"Role '{role.ToWire()}' may not do this; it needs '{PermissionMatrix.MinimumRoleFor(requirement.Permission).ToWire()}' or higher."));
        }
        else if (context.Resource is HttpContext http && http.GetCaller() is { Kind: CallerKind.Session } caller
            && RequestMethods.IsMutation(http.Request) && !CsrfTokenMatches(http.Request, caller.CsrfToken!))
        {
            context.Fail(new AccessRefusal(this, ErrorCodes.AntiforgeryFailed,
                $"Cookie-authenticated changes must send the session's anti-forgery token in {HangarHeaders.CsrfToken}."));
        }
        else
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    private static bool CsrfTokenMatches(HttpRequest request, string expected)
    {
        var sent = request.Headers[HangarHeaders.CsrfToken].ToString();
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent), Encoding.UTF8.GetBytes(expected));
    }
}
