namespace Hangar.Server.Features.Idempotency;

internal static class IdempotencyConventions
{
    /// <summary>A create call that honours <c>Idempotency-Key</c>.</summary>
    public static RouteHandlerBuilder Idempotent(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<IdempotencyFilter>().WithMetadata(new IdempotentAttribute());
}
