using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Identity;

/// <summary>
/// The certificate a trusted TLS-terminating proxy forwarded (URL-encoded PEM, as nginx sends it, or base64 DER);
/// never from anyone else (<c>DeviceIdentity:TrustedProxies</c>).
/// </summary>
internal sealed class ForwardedCertificates(IOptions<DeviceIdentityOptions> options)
{
    public const string Unreadable = "unreadable_forwarded_certificate";

    private readonly HashSet<IPAddress> _trustedProxies = options.Value.TrustedProxies.Select(IPAddress.Parse).Select(Normalize).ToHashSet();

    /// <summary>The forwarded certificate, or null with <paramref name="problem"/> set when a trusted proxy sent one that cannot be read.</summary>
    public X509Certificate2? Read(HttpContext context, out string? problem)
    {
        problem = null;
        var header = context.Request.Headers[options.Value.ForwardedCertificateHeader].ToString();
        if (header.Length == 0 || context.Connection.RemoteIpAddress is not { } remote || !_trustedProxies.Contains(Normalize(remote)))
        {
            return null;
        }

        var text = Uri.UnescapeDataString(header);
        if (text.Contains("-----BEGIN", StringComparison.Ordinal))
        {
            if (PemCertificates.TryReadOne(text, out var pem, out _))
            {
                return pem;
            }
        }
        else
        {
            try
            {
                return PemCertificates.LoadDer(Convert.FromBase64String(text));
            }
            catch (Exception e) when (e is FormatException or CryptographicException)
            {
                // Reported below as an unreadable forwarded certificate.
            }
        }

        problem = Unreadable;
        return null;
    }

    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
