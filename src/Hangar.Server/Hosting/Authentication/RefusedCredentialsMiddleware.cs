using Microsoft.AspNetCore.Authentication;

namespace Hangar.Server.Hosting.Authentication;

/// <summary>
/// Answers 401 at once when the request presented a credential and its scheme refused it (an invalid API key, a
/// device certificate that is not registered), whatever the route: anonymous routes included, since a refused
/// credential must never quietly become an anonymous call. Runs after the rate limiter, which counts such requests
/// per client address.
/// </summary>
internal sealed class RefusedCredentialsMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // Answered from the handler's cache: the authentication middleware ran the same default scheme already.
        var result = await context.AuthenticateAsync();
        if (result.Failure is not null)
        {
            await context.ChallengeAsync();
            return;
        }

        await next(context);
    }
}
