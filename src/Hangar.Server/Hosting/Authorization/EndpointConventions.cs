using Hangar.Core.Access;
using Hangar.Server.Features.Audit;
using Hangar.Server.Features.Idempotency;

namespace Hangar.Server.Hosting.Authorization;

/// <summary>The declarations every Admin API route makes: what it needs, what it audits, whether creates are idempotent.</summary>
internal static class EndpointConventions
{
    public static RouteHandlerBuilder Requires(this RouteHandlerBuilder builder, Permission permission) =>
        builder.WithMetadata(new RequiresPermissionAttribute(permission));

    public static RouteHandlerBuilder Anonymous(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new AnonymousAttribute());

    /// <summary>Marks a mutation: one audit row per call, named <paramref name="action"/> (e.g. <c>api_key.create</c>).</summary>
    public static RouteHandlerBuilder Audited(this RouteHandlerBuilder builder, string action) =>
        builder.WithMetadata(new AuditActionAttribute(action));

    /// <summary>A create call that honours <c>Idempotency-Key</c>.</summary>
    public static RouteHandlerBuilder Idempotent(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<IdempotencyFilter>().WithMetadata(new IdempotentAttribute());
}
