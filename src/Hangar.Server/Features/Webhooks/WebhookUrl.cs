using System.Diagnostics.CodeAnalysis;

namespace Hangar.Server.Features.Webhooks;

/// <summary>Checks a webhook URL when it is set. Where it may connect is decided later, on the resolved address.</summary>
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
}
