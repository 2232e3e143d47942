using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace Hangar.Server.Hosting.Listeners;

/// <summary>A listener URL from configuration, such as <c>https://0.0.0.0:4001</c>, reduced to what Kestrel binds.</summary>
internal sealed record ListenerAddress(IPAddress Address, int Port, bool Https)
{
    public static bool TryParse(string url, [NotNullWhen(true)] out ListenerAddress? address, [NotNullWhen(false)] out string? error)
    {
        address = null;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
        {
            error = $"'{url}' is not an http or https URL";
            return false;
        }

        if (uri.AbsolutePath != "/" || !string.IsNullOrEmpty(uri.Query))
        {
            error = $"'{url}' must not have a path or query";
            return false;
        }

        var host = uri.Host.Trim('[', ']');
        IPAddress? ip = host switch
        {
            "localhost" => IPAddress.Loopback,
            "*" or "+" => IPAddress.Any,
            _ => IPAddress.TryParse(host, out var parsed) ? parsed : null,
        };
        if (ip is null)
        {
            error = $"'{url}' must name an IP address (or localhost) to bind to";
            return false;
        }

        address = new ListenerAddress(ip, uri.Port, uri.Scheme == "https");
        error = null;
        return true;
    }
}
