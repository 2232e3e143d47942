using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Hosting.Tls;

/// <summary>
/// The server's TLS identity. On first start it creates a private CA and a server certificate signed by it under
/// <c>&lt;data&gt;/tls</c>; devices pin <c>server-ca.crt</c>. An operator may replace <c>server.crt</c> and
/// <c>server.key</c> with a certificate of their own at any time: <see cref="Refresh"/> (run by
/// <see cref="ServerCertificateWatcher"/>) loads the new files, re-issues a self-generated certificate that expires
/// within <c>Tls:ExpiryWarningDays</c>, and warns loudly about a configured one (it cannot renew it).
/// </summary>
internal sealed class ServerCertificateStore(IOptions<ServerOptions> options, IOptions<TlsOptions> tls, TimeProvider time, ILogger<ServerCertificateStore> logger)
{
    private static readonly TimeSpan WarningInterval = TimeSpan.FromDays(1);

    private readonly Lock _gate = new();
    private Loaded? _loaded;
    private DateTimeOffset _lastWarning = DateTimeOffset.MinValue;

    private sealed record Loaded(X509Certificate2 Certificate, SslStreamCertificateContext Context, DateTime CertificateWritten, DateTime KeyWritten);

    public string Directory => options.Value.DataPath("tls");

    public string CaCertificatePath => options.Value.DataPath("tls", "server-ca.crt");

    /// <summary>The certificate new connections get.</summary>
    public X509Certificate2 ServerCertificate => Current.Certificate;

    /// <summary>The certificate with its chain, built once per load rather than per handshake.</summary>
    public SslStreamCertificateContext Context => Current.Context;

    public ServerCertificateStatus Status
    {
        get
        {
            var notAfter = new DateTimeOffset(ServerCertificate.NotAfter.ToUniversalTime());
            var now = time.GetUtcNow();
            return notAfter <= now ? ServerCertificateStatus.Expired
                : notAfter - now <= TimeSpan.FromDays(tls.Value.ExpiryWarningDays) ? ServerCertificateStatus.Expiring
                : ServerCertificateStatus.Valid;
        }
    }

    private Loaded Current
    {
        get
        {
            if (Volatile.Read(ref _loaded) is { } loaded)
            {
                return loaded;
            }

            Refresh(force: true);
            return _loaded!;
        }
    }

    /// <summary>Loads the files when they changed (or when <paramref name="force"/>d), renewing or warning about expiry.</summary>
    public void Refresh(bool force)
    {
        lock (_gate)
        {
            var directory = Directory;
            var certPath = Path.Combine(directory, "server.crt");
            var keyPath = Path.Combine(directory, "server.key");
            if (!File.Exists(certPath) || !File.Exists(keyPath))
            {
                System.IO.Directory.CreateDirectory(directory);
                ServerCertificateIssuer.CreateCaAndLeaf(options.Value, time.GetUtcNow(), directory);
                logger.LogInformation("Created a self-signed server CA and TLS certificate in {Directory}", directory);
            }

            var changed = _loaded is null || File.GetLastWriteTimeUtc(certPath) != _loaded.CertificateWritten || File.GetLastWriteTimeUtc(keyPath) != _loaded.KeyWritten;
            if (changed || force)
            {
                Load(certPath, keyPath);
            }

            CheckExpiry(certPath, keyPath);
        }
    }

    private void Load(string certPath, string keyPath)
    {
        var certificateWritten = File.GetLastWriteTimeUtc(certPath);
        var keyWritten = File.GetLastWriteTimeUtc(keyPath);
        var certificate = X509Certificate2.CreateFromPemFile(certPath, keyPath);
        var chain = new X509Certificate2Collection();
        chain.ImportFromPemFile(certPath);
        var intermediates = new X509Certificate2Collection(chain.Where(c => c.Thumbprint != certificate.Thumbprint).ToArray());
        var context = SslStreamCertificateContext.Create(certificate, intermediates, offline: true);
        var previous = _loaded;
        Volatile.Write(ref _loaded, new Loaded(certificate, context, certificateWritten, keyWritten));
        if (previous is not null && previous.Certificate.Thumbprint != certificate.Thumbprint)
        {
            logger.LogInformation("Loaded a new TLS certificate ({Subject}, valid until {NotAfter:O}); new connections use it",
                certificate.Subject, certificate.NotAfter.ToUniversalTime());
        }
    }

    private void CheckExpiry(string certPath, string keyPath)
    {
        var status = Status;
        if (status == ServerCertificateStatus.Valid)
        {
            return;
        }

        var certificate = _loaded!.Certificate;
        using var ca = ServerCertificateIssuer.IssuerOf(certificate, Directory);
        if (ca is not null)
        {
            ServerCertificateIssuer.IssueLeaf(options.Value, time.GetUtcNow(), Directory, ca);
            Load(certPath, keyPath);
            logger.LogWarning("The self-generated TLS certificate {State} ({NotAfter:O}); issued a new one with the same server CA",
                status == ServerCertificateStatus.Expired ? "had expired" : "was about to expire", certificate.NotAfter.ToUniversalTime());
            return;
        }

        var now = time.GetUtcNow();
        if (now - _lastWarning < WarningInterval)
        {
            return;
        }

        _lastWarning = now;
        if (status == ServerCertificateStatus.Expired)
        {
            logger.LogCritical("THE TLS CERTIFICATE HAS EXPIRED ({NotAfter:O}): devices refuse to connect. Replace {Path} and its key now; the server loads them without a restart.",
                certificate.NotAfter.ToUniversalTime(), certPath);
        }
        else
        {
            logger.LogWarning("THE TLS CERTIFICATE EXPIRES SOON ({NotAfter:O}, in {Days:F0} days): devices will refuse to connect after that. Replace {Path} and its key; the server loads them without a restart.",
                certificate.NotAfter.ToUniversalTime(), (certificate.NotAfter.ToUniversalTime() - now.UtcDateTime).TotalDays, certPath);
        }
    }
}
