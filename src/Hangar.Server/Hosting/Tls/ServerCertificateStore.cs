using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Hosting.Tls;

/// <summary>
/// The server's TLS identity. On first start it creates a private CA and a server certificate signed by it under
/// <c>&lt;data&gt;/tls</c>; devices pin <c>server-ca.crt</c>. Later starts load the same files.
/// </summary>
internal sealed class ServerCertificateStore(IOptions<ServerOptions> options, TimeProvider time, ILogger<ServerCertificateStore> logger)
{
    private readonly Lazy<X509Certificate2> _serverCertificate = new(() => LoadOrCreate(options.Value, time, logger));

    public X509Certificate2 ServerCertificate => _serverCertificate.Value;

    public string CaCertificatePath => options.Value.DataPath("tls", "server-ca.crt");

    private static X509Certificate2 LoadOrCreate(ServerOptions options, TimeProvider time, ILogger logger)
    {
        var directory = options.DataPath("tls");
        var certPath = Path.Combine(directory, "server.crt");
        var keyPath = Path.Combine(directory, "server.key");
        if (!File.Exists(certPath) || !File.Exists(keyPath))
        {
            Directory.CreateDirectory(directory);
            Create(options, time, directory);
            logger.LogInformation("Created a self-signed server CA and TLS certificate in {Directory}", directory);
        }

        return X509Certificate2.CreateFromPemFile(certPath, keyPath);
    }

    private static void Create(ServerOptions options, TimeProvider time, string directory)
    {
        var now = time.GetUtcNow();
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=Hangar server CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        using var ca = caRequest.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(20));

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=hangar-server", serverKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(SubjectNames(options));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7f;
        using var server = request.Create(ca, now.AddMinutes(-5), now.AddYears(5), serial);

        WriteAtomically(Path.Combine(directory, "server-ca.crt"), ca.ExportCertificatePem() + "\n");
        WriteAtomically(Path.Combine(directory, "server-ca.key"), caKey.ExportPkcs8PrivateKeyPem() + "\n", secret: true);
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
