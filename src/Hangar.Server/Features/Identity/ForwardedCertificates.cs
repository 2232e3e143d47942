using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Hangar.Server.Hosting.Proxies;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Identity;

/// <summary>
/// The certificate a trusted TLS-terminating proxy forwarded (URL-encoded PEM, as nginx sends it, or base64 DER), with
/// <c>DeviceIdentity:AcceptForwardedCertificates</c> on; never from anyone else. Whether the connection came from a
/// proxy in <c>Server:TrustedProxies</c> is the client-address resolution's to say (<see cref="TrustedProxyPeer"/>):
/// by now the connection's remote address is the device's, not the proxy's.
/// </summary>
internal sealed class ForwardedCertificates(IOptions<DeviceIdentityOptions> options)
{
    public const string Unreadable = "unreadable_forwarded_certificate";

    private readonly bool _accepted = options.Value.AcceptForwardedCertificates;

    /// <summary>The forwarded certificate, or null with <paramref name="problem"/> set when a trusted proxy sent one that cannot be read.</summary>
    public X509Certificate2? Read(HttpContext context, out string? problem)
    {
        problem = null;
        var header = context.Request.Headers[options.Value.ForwardedCertificateHeader].ToString();
        if (!_accepted || header.Length == 0 || TrustedProxyPeer.Of(context) is null)
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
}
