using System.Text.Encodings.Web;
using Hangar.Contracts.Common;
using Hangar.Server.Hosting.Observability;
using Hangar.Server.Hosting.Problems;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Hosting.Authentication;

/// <summary>
/// The <c>ApiKey</c> scheme: <c>Authorization: Bearer hgr_…</c> (or <c>Token</c>). A presented key that is invalid,
/// expired or revoked fails authentication, which refuses the request with 401 whatever the route (a typo'd key must
/// never silently act anonymous); no header is no result, left to the session scheme.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, CallerAuthenticator authenticator,
    ScrapeToken scrapeToken)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerCredential.Read(Request) is not { } token)
        {
            return AuthenticateResult.NoResult();
        }

        // The scrape token is no API key: /metrics's policy admits it, and everywhere else it is simply no caller.
        if (scrapeToken.Matches(Request))
        {
            return AuthenticateResult.NoResult();
        }

        var caller = await authenticator.ApiKeyAsync(token, Context.RequestAborted);
        return caller is null
            ? AuthenticateResult.Fail("The API key is invalid, expired or revoked.")
            : CallerTickets.Success(Context, caller, Scheme.Name);
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var refused = (await HandleAuthenticateOnceSafeAsync()).Failure;
        await ProblemWriter.WriteAsync(Context, StatusCodes.Status401Unauthorized, ErrorCodes.Unauthenticated, "Unauthenticated",
            refused?.Message ?? CallerSchemes.SignInHint);
    }
}
