namespace Hangar.Server.Features.Audit;

internal static class AuditConventions
{
    /// <summary>Marks a mutation: one audit row per call, named <paramref name="action"/> (e.g. <c>api_key.create</c>).</summary>
    public static RouteHandlerBuilder Audited(this RouteHandlerBuilder builder, string action) =>
        builder.WithMetadata(new AuditActionAttribute(action));
}
