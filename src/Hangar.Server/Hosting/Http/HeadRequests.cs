namespace Hangar.Server.Hosting.Http;

/// <summary>
/// HEAD on every GET route (RFC 9110 §9.3.2): the same status and headers, no body. Kestrel sends no body for a HEAD
/// request whatever the handler writes, and file results skip reading the content, so handlers need not know.
/// </summary>
internal static class HeadRequests
{
    public static RouteGroupBuilder AnswerHeadOnGet(this RouteGroupBuilder routes)
    {
        // Finally: after each route's own conventions, so it sees the methods the route ended up with.
        ((IEndpointConventionBuilder)routes).Finally(endpoint =>
        {
            if (endpoint.Metadata.OfType<IHttpMethodMetadata>().LastOrDefault() is { } methods
                && methods.HttpMethods.Contains(HttpMethods.Get) && !methods.HttpMethods.Contains(HttpMethods.Head))
            {
                // Routing reads the last method metadata of an endpoint.
                endpoint.Metadata.Add(new HttpMethodMetadata([.. methods.HttpMethods, HttpMethods.Head], methods.AcceptCorsPreflight));
            }
        });
        return routes;
    }
}
