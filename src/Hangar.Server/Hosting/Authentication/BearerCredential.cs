namespace Hangar.Server.Hosting.Authentication;

internal static class BearerCredential
{
    /// <summary>
    /// The token of an <c>Authorization</c> header: <c>Bearer</c>, or <c>Token</c> as older Peridio-style SDKs send
    /// it, or a bare token; null when the header is absent.
    /// </summary>
    public static string? Read(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        foreach (var scheme in (ReadOnlySpan<string>)["Bearer ", "Token "])
        {
            if (header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                return header[scheme.Length..].Trim();
            }
        }

        return string.IsNullOrEmpty(header) ? null : header;
    }
}
