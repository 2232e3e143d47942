using Microsoft.AspNetCore.Authentication;

namespace Hangar.Server.Hosting.Authentication;

/// <summary>The Admin API's authentication schemes: API keys and console sessions, and the one name that picks between them.</summary>
internal static class CallerSchemes
{
    public const string ApiKey = "ApiKey";
    public const string Session = "Session";

    /// <summary>
    /// The scheme the Admin API's routes name: a request with an <c>Authorization</c> header is an API-key request,
    /// any other a session request. Challenges go to the same one, so each 401 says what was wrong.
    /// </summary>
    public const string Caller = "Caller";

    public const string SignInHint = "Send an API key as 'Authorization: Bearer <key>' or sign in.";

    public static AuthenticationBuilder AddCallerSchemes(this AuthenticationBuilder authentication)
    {
        authentication.Services.AddScoped<CallerAuthenticator>();
        authentication.Services.AddSingleton<AuthenticationFailures>();
        authentication.Services.AddSingleton<RefusedCredentialGuard>();
        return authentication
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKey, null)
            .AddScheme<AuthenticationSchemeOptions, SessionAuthenticationHandler>(Session, null)
            .AddPolicyScheme(Caller, null, policy => policy.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.Count > 0 ? ApiKey : Session);
    }
}
