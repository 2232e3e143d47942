using System.Security.Cryptography;
using System.Text;
using Hangar.Contracts.Common;
using Hangar.Core.Access;
using Hangar.Server.Features.Identity;
using Hangar.Server.Hosting.Authentication;
using Hangar.Server.Hosting.Listeners;
using Hangar.Server.Hosting.Problems;

namespace Hangar.Server.Hosting.Authorization;

/// <summary>
/// Decides every routed request from endpoint metadata and the <see cref="PermissionMatrix"/>. An endpoint that
/// declares neither a permission nor <see cref="AnonymousAttribute"/> is refused: forgetting is never open access.
/// Cookie-authenticated mutations must also echo the session's anti-forgery token, which a cross-site page cannot read.
/// </summary>
internal sealed class PermissionGuardMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        if (endpoint is null || endpoint.Metadata.GetMetadata<AnonymousAttribute>() is not null || IsFrameworkRejection(endpoint))
        {
            return next(context);
        }

        if (endpoint.Metadata.GetMetadata<ListenerAttribute>()?.Kind == ListenerKind.Device)
        {
            // Device endpoints answer to a device certificate, not to roles; DeviceAuthenticationMiddleware decided.
            return context.Features.Get<DeviceIdentity>() is not null
                ? next(context)
                : ProblemWriter.WriteAsync(context, StatusCodes.Status401Unauthorized, ErrorCodes.DeviceUnauthenticated, "Unauthenticated", "A device certificate is required.");
        }

        var required = endpoint.Metadata.GetMetadata<RequiresPermissionAttribute>();
        var caller = context.GetCaller();
        if (caller is null)
        {
            return ProblemWriter.WriteAsync(context, StatusCodes.Status401Unauthorized, ErrorCodes.Unauthenticated,
                "Unauthenticated", "Send an API key as 'Authorization: Bearer <key>' or sign in.");
        }

        if (required is null || !PermissionMatrix.Allows(caller.Role, required.Permission))
        {
            var detail = required is null
                ? "This route declares no permission."
                : $"Role '{caller.Role.ToWire()}' may not do this; it needs '{PermissionMatrix.MinimumRoleFor(required.Permission).ToWire()}' or higher.";
            return ProblemWriter.WriteAsync(context, StatusCodes.Status403Forbidden, ErrorCodes.InsufficientRole, "Forbidden", detail);
        }

        if (caller.Kind == CallerKind.Session && CallerAuthenticationMiddleware.IsMutation(context.Request) && !CsrfTokenMatches(context.Request, caller.CsrfToken!))
        {
            return ProblemWriter.WriteAsync(context, StatusCodes.Status403Forbidden, ErrorCodes.AntiforgeryFailed, "Forbidden",
                $"Cookie-authenticated changes must send the session's anti-forgery token in {HangarHeaders.CsrfToken}.");
        }

        return next(context);
    }

    /// <summary>Routing's own 405/415 endpoints (wrong method or content type) carry no handler method; they only answer the error.</summary>
    private static bool IsFrameworkRejection(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<System.Reflection.MethodInfo>() is null
        && endpoint.Metadata.GetMetadata<RequiresPermissionAttribute>() is null;

    private static bool CsrfTokenMatches(HttpRequest request, string expected)
    {
        var sent = request.Headers[HangarHeaders.CsrfToken].ToString();
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent), Encoding.UTF8.GetBytes(expected));
    }
}
