using Hangar.Core.Access;

namespace Hangar.Server.Hosting.Authorization;

/// <summary>What an Admin API route needs: one permission, or nothing on purpose. Anything else is refused.</summary>
internal static class EndpointConventions
{
    public static RouteHandlerBuilder Requires(this RouteHandlerBuilder builder, Permission permission) =>
        builder.WithMetadata(new RequiresPermissionAttribute(permission));

    public static RouteHandlerBuilder Anonymous(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new AnonymousAttribute());
}
