namespace Hangar.Server.Hosting.Http;

internal static class SecretResponses
{
    /// <summary>Marks a route whose answer carries a one-time secret: it is sent with <c>Cache-Control: no-store</c>.</summary>
    public static RouteHandlerBuilder CarriesSecret(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new CarriesSecretAttribute());
}
