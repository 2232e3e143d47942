using Hangar.Server.Hosting.Listeners;

namespace Hangar.Server.Hosting.Http;

/// <summary>
/// Every 401 of the admin listener says how to authenticate (RFC 9110 §11.6.1, RFC 6750 §3): <c>Bearer</c>, with
/// <c>error="invalid_token"</c> when credentials were sent and refused. Devices authenticate in the TLS handshake,
/// for which HTTP has no challenge scheme, so the device listener's 401s carry none; nor do the DDI listener's (hawkBit
/// clients know their one token scheme).
/// </summary>
internal sealed class BearerChallengeMiddleware(RequestDelegate next)
{
    private const string Challenge = "Bearer realm=\"hangar\"";

    public Task InvokeAsync(HttpContext context)
    {
        if (ListenerGuardMiddleware.ListenerOf(context) is not (ListenerKind.Device or ListenerKind.Ddi))
        {
            context.Response.OnStarting(() =>
            {
                var response = context.Response;
                if (response.StatusCode == StatusCodes.Status401Unauthorized && !response.Headers.ContainsKey("WWW-Authenticate"))
                {
                    // A signed download URL is a token too: refused, it is an invalid one.
                    var presented = context.Request.Headers.Authorization.Count > 0 || context.GetRouteValue("token") is not null;
                    response.Headers.WWWAuthenticate = presented ? Challenge + ", error=\"invalid_token\"" : Challenge;
                }

                return Task.CompletedTask;
            });
        }

        return next(context);
    }
}
