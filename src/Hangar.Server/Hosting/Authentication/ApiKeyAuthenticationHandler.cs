using System.Text.Encodings.Web;
using Hangar.Contracts.Common;
using Hangar.Server.Hosting.Observability;
using Hangar.Server.Hosting.Problems;
using Hangar.Server.Hosting.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Hosting.Authentication;

/// <summary>
/// The <c>ApiKey</c> scheme: <c>Authorization: Bearer hgr_…</c> (or <c>Token</c>). A presented key that is invalid,
/// expired or revoked fails authentication, which refuses the request with 401 whatever the route (a typo'd key must
/// never silently act anonymous); no header is no result, left to the session scheme. An address with too many refused
/// keys this minute gets 429 without its key being looked up (<see cref="RefusedCredentialGuard"/>).
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, CallerAuthenticator authenticator,
    ScrapeToken scrapeToken, RefusedCredentialGuard guard, AuthenticationFailures failures)
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

        if (guard.WaitFor(Context) is { } wait)
        {
            failures.Refused(AuthenticationFailures.ApiKey, "throttled");
            return AuthenticateResult.Fail(new CredentialsThrottled(wait));
        }

        var caller = await authenticator.ApiKeyAsync(token, Context.RequestAborted);
        if (caller is null)
        {
            guard.Refused(Context);
            return AuthenticateResult.Fail("The API key is invalid, expired or revoked.");
        }

        return CallerTickets.Success(Context, caller, Scheme.Name);
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var refused = (await HandleAuthenticateOnceSafeAsync()).Failure;
        if (refused is CredentialsThrottled throttled)
        {
            await RateLimitingSetup.WriteRejectionAsync(Context, throttled.RetryAfter, throttled.Message);
            return;
        }

        await ProblemWriter.WriteAsync(Context, StatusCodes.Status401Unauthorized, ErrorCodes.Unauthenticated, "Unauthenticated",
            refused?.Message ?? CallerSchemes.SignInHint);
    }
}
