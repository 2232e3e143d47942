namespace Hangar.Server.Hosting.Http;

internal static class ContentTypeChecks
{
    /// <summary>
    /// Routing would answer a body of the wrong content type with 415 before any endpoint is chosen, and so before
    /// authorization and audit: a caller without the permission would learn about the body, and the refused mutation
    /// would leave no audit row. Without routing's content-type policy the endpoint itself checks the content type
    /// when it binds the body (<c>ThrowOnBadRequest</c> makes that a 415 problem), after authorization and inside the
    /// audit scope. No two Hangar routes differ by content type alone, which is all that policy is for.
    /// </summary>
    public static IServiceCollection CheckContentTypeAtTheEndpoint(this IServiceCollection services)
    {
        var acceptsPolicy = services.SingleOrDefault(d => d.ServiceType == typeof(MatcherPolicy) && d.ImplementationType?.Name == "AcceptsMatcherPolicy")
            ?? throw new InvalidOperationException("Routing's content-type policy was not found; the framework changed how it registers it.");
        services.Remove(acceptsPolicy);
        return services;
    }
}
