using Hangar.Contracts.Common;
using Hangar.Server.Hosting.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Hangar.Server.Hosting.Authorization;

/// <summary>
/// A refused caller gets a 403 ProblemDetails whose code and detail say why (<see cref="AccessRefusal"/>): the
/// role it would need, or the missing anti-forgery token. Challenges (401) are the schemes' own.
/// </summary>
internal sealed class ProblemAuthorizationResultHandler(AuthorizationMiddlewareResultHandler framework) : IAuthorizationMiddlewareResultHandler
{
    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Forbidden)
        {
            return framework.HandleAsync(next, context, policy, authorizeResult);
        }

        var refusal = authorizeResult.AuthorizationFailure?.FailureReasons.OfType<AccessRefusal>().FirstOrDefault();
        return ProblemWriter.WriteAsync(context, StatusCodes.Status403Forbidden, refusal?.Code ?? ErrorCodes.InsufficientRole, "Forbidden",
            refusal?.Message ?? "This caller may not do this.");
    }
}
