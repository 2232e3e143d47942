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
        // The authentication middleware records a success in this feature (and only a success): nothing to refuse,
        // and no second pass through the listener's schemes, which would copy the ticket twice more.
        if (context.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult is { Succeeded: true })
        {
            await next(context);
            return;
        }

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
