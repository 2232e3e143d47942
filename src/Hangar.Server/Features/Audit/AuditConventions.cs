namespace Hangar.Server.Features.Audit;

internal static class AuditConventions
{
    /// <summary>Marks a mutation: one audit row per call, named <paramref name="action"/> (e.g. <c>api_key.create</c>).</summary>
    public static RouteHandlerBuilder Audited(this RouteHandlerBuilder builder, string action) =>
        builder.WithMetadata(new AuditActionAttribute(action));

    /// <summary>Marks a read whose refusals (401/403) are audited like a denied mutation, named <paramref name="action"/>.</summary>
    public static TBuilder AuditedWhenRefused<TBuilder>(this TBuilder builder, string action) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AuditActionAttribute(action) { RefusalsOnly = true });
}
