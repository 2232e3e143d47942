using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Hangar.Server.Hosting.Tls;

/// <summary>
/// Makes the self-generated TLS material, as PEM (certificates first, then the key): a private CA (which devices pin)
/// and server certificates it signs. Re-issuing the server certificate keeps the CA, so devices keep trusting the server.
/// </summary>
internal static class ServerCertificateIssuer
{
    private static readonly TimeSpan LeafLifetime = TimeSpan.FromDays(5 * 365);

    public static string CreateCa(DateTimeOffset now)
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=Hangar server CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        using var ca = caRequest.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(20));
        return ca.ExportCertificatePem() + "\n" + caKey.ExportPkcs8PrivateKeyPem() + "\n";
    }

    /// <summary>True when <paramref name="leaf"/> was issued by <paramref name="ca"/>, expired or not.</summary>
    public static bool IsIssuedBy(X509Certificate2 leaf, X509Certificate2 ca)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        // Issued by the CA is the question here; being expired is often why it is asked.
        chain.ChainPolicy.VerificationFlags = X509VerificationFlags.IgnoreNotTimeValid;
        return chain.Build(leaf);
    }

    /// <summary>A new server key and certificate signed by <paramref name="ca"/>: the certificate, the CA's, then the key.</summary>
    public static string IssueLeaf(ServerOptions options, DateTimeOffset now, X509Certificate2 ca)
    {
        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=hangar-server", serverKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(SubjectNames(options));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7f;
        var notAfter = now + LeafLifetime < ca.NotAfter ? now + LeafLifetime : new DateTimeOffset(ca.NotAfter.ToUniversalTime());
        using var server = request.Create(ca, now.AddMinutes(-5), notAfter, serial);
        return server.ExportCertificatePem() + "\n" + ca.ExportCertificatePem() + "\n" + serverKey.ExportPkcs8PrivateKeyPem() + "\n";
    }

    private static X509Extension SubjectNames(ServerOptions options)
    {
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        names.AddDnsName(Dns.GetHostName());
        foreach (var name in options.TlsSubjectNames)
        {
            if (IPAddress.TryParse(name, out var ip))
            {
                names.AddIpAddress(ip);
            }
            else
            {
                names.AddDnsName(name);
            }
        }

        return names.Build();
    }
}
