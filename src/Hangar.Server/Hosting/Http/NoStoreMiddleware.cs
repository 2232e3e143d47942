namespace Hangar.Server.Hosting.Http;

/// <summary>
/// Answers of routes marked <see cref="CarriesSecretAttribute"/> are never stored by a cache, a proxy or the browser's
/// history (RFC 9111 §5.2.2.5): the secret in them is shown once and must stay that way.
/// </summary>
internal sealed class NoStoreMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<CarriesSecretAttribute>() is not null)
        {
            context.Response.Headers.CacheControl = "no-store";
        }

        return next(context);
    }
}
