using Hangar.Contracts.Common;
using Hangar.Data;
using Hangar.Server.Hosting.Problems;

namespace Hangar.Server.Hosting.Authentication;

/// <summary>
/// Authenticates Admin API requests. A presented but invalid API key is a 401 right here (a typo'd key must not
/// silently act anonymous); a stale session cookie just leaves the request anonymous.
/// </summary>
internal sealed class CallerAuthenticationMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, CallerAuthenticator authenticator, HangarDbContext db)
    {
        var cancellationToken = context.RequestAborted;
        Caller? caller = null;
        var token = BearerToken(context.Request);
        if (token is not null)
        {
            caller = await authenticator.ApiKeyAsync(token, cancellationToken);
            if (caller is null)
            {
                await ProblemWriter.WriteAsync(context, StatusCodes.Status401Unauthorized, ErrorCodes.Unauthenticated,
                    "Unauthenticated", "The API key is invalid, expired or revoked.");
                return;
            }
        }
        else if (context.Request.Cookies.TryGetValue(HangarHeaders.SessionCookie, out var sessionToken))
        {
            caller = await authenticator.SessionAsync(sessionToken, cancellationToken);
        }

        if (caller is not null)
        {
            context.Features.Set(caller);
            db.CurrentOrganizationId = caller.OrganizationId;
        }

        await next(context);
    }

    public static bool IsMutation(HttpRequest request) =>
        !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        // "Token" is what older Peridio-style SDKs send; both mean the same here.
        foreach (var scheme in (ReadOnlySpan<string>)["Bearer ", "Token "])
        {
            if (header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                return header[scheme.Length..].Trim();
            }
        }

        return string.IsNullOrEmpty(header) ? null : header;
    }
}
