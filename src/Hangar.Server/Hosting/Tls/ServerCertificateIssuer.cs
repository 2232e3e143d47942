using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Hangar.Server.Hosting.Tls;

/// <summary>
/// The self-generated TLS material in <c>&lt;data&gt;/tls</c>: a private CA (which devices pin) and a server certificate
/// it signs. Re-issuing the server certificate keeps the CA, so devices keep trusting the server.
/// </summary>
internal static class ServerCertificateIssuer
{
    private const string CaCertificateFile = "server-ca.crt";
    private const string CaKeyFile = "server-ca.key";
    private static readonly TimeSpan LeafLifetime = TimeSpan.FromDays(5 * 365);

    public static void CreateCaAndLeaf(ServerOptions options, DateTimeOffset now, string directory)
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=Hangar server CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        using var ca = caRequest.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(20));
        WriteAtomically(Path.Combine(directory, CaCertificateFile), ca.ExportCertificatePem() + "\n");
        WriteAtomically(Path.Combine(directory, CaKeyFile), caKey.ExportPkcs8PrivateKeyPem() + "\n", secret: true);
        IssueLeaf(options, now, directory, ca);
    }

    /// <summary>The server CA with its key, when <paramref name="leaf"/> was issued by it (a self-generated certificate).</summary>
    public static X509Certificate2? IssuerOf(X509Certificate2 leaf, string directory)
    {
        var certificatePath = Path.Combine(directory, CaCertificateFile);
        var keyPath = Path.Combine(directory, CaKeyFile);
        if (!File.Exists(certificatePath) || !File.Exists(keyPath))
        {
            return null;
        }

        var ca = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        // Issued by the CA is the question here; being expired is why it is asked.
        chain.ChainPolicy.VerificationFlags = X509VerificationFlags.IgnoreNotTimeValid;
        if (chain.Build(leaf))
        {
            return ca;
        }

        ca.Dispose();
        return null;
    }

    /// <summary>A new server key and certificate signed by <paramref name="ca"/>; the certificate file is written last.</summary>
    public static void IssueLeaf(ServerOptions options, DateTimeOffset now, string directory, X509Certificate2 ca)
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

        WriteAtomically(Path.Combine(directory, "server.key"), serverKey.ExportPkcs8PrivateKeyPem() + "\n", secret: true);
        // The leaf comes last so that a half-finished first start (no server.crt) simply starts over.
        WriteAtomically(Path.Combine(directory, "server.crt"), server.ExportCertificatePem() + "\n" + ca.ExportCertificatePem() + "\n");
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

    private static void WriteAtomically(string path, string content, bool secret = false)
    {
        var temporary = path + ".tmp";
        var fileOptions = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (secret && !OperatingSystem.IsWindows())
        {
            // Created private, not chmod-ed afterwards: no moment where another user could read the key.
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, fileOptions))
        {
            using var writer = new StreamWriter(stream);
            writer.Write(content);
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
