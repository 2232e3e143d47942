using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace Hangar.Server.Features.Webhooks;

/// <summary>
/// Checks a webhook URL when it is set. A host that is an IP address, however spelled (<c>127.1</c>,
/// <c>0x7f000001</c>, <c>2130706433</c>, <c>[::ffff:127.0.0.1]</c>), is canonicalised and checked against the
/// <see cref="WebhookAddressPolicy"/> now; names are checked on their resolved addresses at connect time.
/// </summary>
internal static class WebhookUrl
{
    public const int MaxLength = 1024;

    public static bool TryValidate(string? text, bool requireHttps, [NotNullWhen(false)] out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength)
        {
            error = $"must be an absolute URL of at most {MaxLength} characters.";
        }
        else if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            error = "must be an absolute http(s) URL.";
        }
        else if (requireHttps && uri.Scheme != Uri.UriSchemeHttps)
        {
            error = "must use https.";
        }
        else if (uri.UserInfo.Length > 0)
        {
            error = "must not contain credentials; authenticate deliveries by their signature.";
        }
        else if (uri.Fragment.Length > 0 || uri.Host.Length == 0)
        {
            error = "must have a host and no fragment.";
        }

        return error is null;
    }

    /// <summary>Why the URL's host, when it is an IP literal, may not be reached; null for names and allowed addresses.</summary>
    public static string? AddressRefusal(string url, WebhookAddressPolicy policy)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        // IPAddress parses the legacy spellings (inet_aton's octal, hex and dotless forms) the way resolvers do.
        if (!IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address))
        {
            return null;
        }

        return policy.Refusal(address) is { } kind
            ? $"names a {kind} address ({address}), which webhooks may not reach (see Webhooks:AllowedNetworks)."
            : null;
    }
}
