namespace Hangar.Server.Features.Firmware;

/// <summary>
/// The start of the URLs the server hands out for a listener: a configured public address (what clients behind a
/// load balancer reach), or else the scheme and host of the request being answered.
/// </summary>
internal static class PublicBaseUrl
{
    /// <summary>Why <paramref name="value"/> cannot be a public base URL, or null when it can.</summary>
    public static string? Problem(string value, bool httpsOnly)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return $"must be an absolute http or https URL, not '{value}'.";
        }

        if (httpsOnly && uri.Scheme != "https")
        {
            return "must be https: devices reach the device listener over TLS.";
        }

        return uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0
            ? "must not carry a query, fragment or user name."
            : null;
    }

    /// <summary>The configured base without its trailing slash, or the request's scheme, host and path base.</summary>
    public static string For(string? configured, HttpRequest? request) =>
        configured is not null ? configured.TrimEnd('/')
        : request is not null ? $"{request.Scheme}://{request.Host}{request.PathBase}"
        : "";
}
