using System.Text.Encodings.Web;
using Hangar.Contracts.Common;
using Hangar.Server.Hosting.Problems;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Hosting.Authentication;

/// <summary>
/// The <c>Session</c> scheme: the console's session cookie. A stale or unknown cookie is no result (the request is
/// anonymous, and a protected route answers 401); a request carrying an <c>Authorization</c> header is the API-key
/// scheme's alone, so one request never has two callers.
/// </summary>
internal sealed class SessionAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, CallerAuthenticator authenticator)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Request.Headers.Authorization.Count > 0 || !Request.Cookies.TryGetValue(HangarHeaders.SessionCookie, out var token))
        {
            return AuthenticateResult.NoResult();
        }

        var caller = await authenticator.SessionAsync(token, Context.RequestAborted);
        return caller is null ? AuthenticateResult.NoResult() : CallerTickets.Success(Context, caller, Scheme.Name);
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        ProblemWriter.WriteAsync(Context, StatusCodes.Status401Unauthorized, ErrorCodes.Unauthenticated, "Unauthenticated", CallerSchemes.SignInHint);
}
