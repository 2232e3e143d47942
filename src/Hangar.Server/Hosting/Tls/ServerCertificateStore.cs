using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Hangar.Server.Hosting.Secrets;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Hosting.Tls;

/// <summary>
/// The server's TLS identity. By default a certificate signed by the installation's server CA
/// (<see cref="ServerCertificateAuthority"/>), kept in the database so that every node presents the same one; a node
/// re-issues it within <c>Tls:ExpiryWarningDays</c> of its expiry and the others pick the new one up at their next
/// <see cref="Refresh"/>. An operator may put a certificate of their own in <c>&lt;data&gt;/tls/server.crt</c> and
/// <c>server.key</c> at any time: <see cref="Refresh"/> (run by <see cref="ServerCertificateWatcher"/>) loads the new
/// files and warns loudly as a configured certificate nears its expiry (it cannot renew it). Files issued by the
/// server CA are an older version's self-generated certificate: the first start imports them, then they are ignored.
/// </summary>
internal sealed class ServerCertificateStore(
    ServerCertificateAuthority authority, ServerSecrets secrets, IOptions<ServerOptions> options, IOptions<TlsOptions> tls, TimeProvider time,
    ILogger<ServerCertificateStore> logger)
{
    public const string SecretName = "tls/server";
    private static readonly TimeSpan WarningInterval = TimeSpan.FromDays(1);

    private readonly Lock _gate = new();
    private Loaded? _loaded;
    private (DateTime Certificate, DateTime Key)? _ignoredFiles;
    private DateTimeOffset _lastWarning = DateTimeOffset.MinValue;

    /// <summary>Where the certificate came from: the files' write times, or the stored value.</summary>
    private sealed record Loaded(X509Certificate2 Certificate, SslStreamCertificateContext Context, (DateTime Certificate, DateTime Key)? Files, byte[]? Stored);

    public string Directory => options.Value.DataPath("tls");

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

    private string CertificatePath => Path.Combine(Directory, "server.crt");

    private string KeyPath => Path.Combine(Directory, "server.key");

    /// <summary>
    /// Loaded by <see cref="ServerCertificateWatcher"/> before the listeners bind. Never loaded here, on a handshake's
    /// thread (a database read per waiting handshake): a handshake that comes before the load fails cleanly instead.
    /// </summary>
    private Loaded Current => Volatile.Read(ref _loaded) ?? throw new InvalidOperationException("The TLS certificate is not loaded yet.");

    /// <summary>Loads the operator's files or the stored certificate when they changed (or when <paramref name="force"/>d), renewing or warning about expiry.</summary>
    public void Refresh(bool force)
    {
        lock (_gate)
        {
            if (!TryRefreshFromFiles(force))
            {
                RefreshFromDatabase(force);
            }

            CheckExpiry();
        }
    }

    /// <summary>False when there are no operator files (none, or only an older version's self-generated ones).</summary>
    private bool TryRefreshFromFiles(bool force)
    {
        if (!File.Exists(CertificatePath) || !File.Exists(KeyPath))
        {
            return false;
        }

        var written = (File.GetLastWriteTimeUtc(CertificatePath), File.GetLastWriteTimeUtc(KeyPath));
        if (!force && (_loaded?.Files == written || _ignoredFiles == written))
        {
            return _loaded?.Files == written;
        }

        var chain = new X509Certificate2Collection();
        chain.ImportFromPemFile(CertificatePath);
        if (chain.Count > 0 && authority.Find() is { } ca && ServerCertificateIssuer.IsIssuedBy(chain[0], ca))
        {
            _ignoredFiles = written;
            return false;
        }

        Publish(X509Certificate2.CreateFromPemFile(CertificatePath, KeyPath), chain, files: written, stored: null);
        return true;
    }

    private void RefreshFromDatabase(bool force)
    {
        var stored = secrets.Find(SecretName) ?? secrets.GetOrAdd(SecretName, ImportOrIssue);
        if (force || _loaded?.Stored is not { } current || !current.AsSpan().SequenceEqual(stored))
        {
            Load(stored);
        }
    }

    private void Load(byte[] stored)
    {
        var pem = Encoding.UTF8.GetString(stored);
        var certificate = X509Certificate2.CreateFromPem(pem, pem);
        var chain = new X509Certificate2Collection();
        chain.ImportFromPem(pem);
        Publish(certificate, chain, files: null, stored);
    }

    private void Publish(X509Certificate2 certificate, X509Certificate2Collection chain, (DateTime, DateTime)? files, byte[]? stored)
    {
        var intermediates = new X509Certificate2Collection(chain.Where(c => c.Thumbprint != certificate.Thumbprint).ToArray());
        var context = SslStreamCertificateContext.Create(certificate, intermediates, offline: true);
        var previous = _loaded;
        Volatile.Write(ref _loaded, new Loaded(certificate, context, files, stored));
        if (previous is not null && previous.Certificate.Thumbprint != certificate.Thumbprint)
        {
            logger.LogInformation("Loaded a new TLS certificate ({Subject}, valid until {NotAfter:O}); new connections use it",
                certificate.Subject, certificate.NotAfter.ToUniversalTime());
        }
    }

    /// <summary>The first stored certificate: an older version's self-generated files when still good, else a new one.</summary>
    private byte[] ImportOrIssue()
    {
        var ca = authority.GetOrCreate();
        if (File.Exists(CertificatePath) && File.Exists(KeyPath))
        {
            using var legacy = X509Certificate2.CreateFromPemFile(CertificatePath, KeyPath);
            if (ServerCertificateIssuer.IsIssuedBy(legacy, ca) && legacy.NotAfter.ToUniversalTime() > time.GetUtcNow().UtcDateTime.AddDays(tls.Value.ExpiryWarningDays))
            {
                logger.LogInformation("Imported the TLS certificate in {Directory} (issued by the server CA) into the database; server.crt and server.key are no longer used", Directory);
                return Encoding.UTF8.GetBytes(File.ReadAllText(CertificatePath) + "\n" + File.ReadAllText(KeyPath));
            }
        }

        logger.LogInformation("Created a TLS certificate signed by the server CA");
        return Encoding.UTF8.GetBytes(ServerCertificateIssuer.IssueLeaf(options.Value, time.GetUtcNow(), ca));
    }

    private void CheckExpiry()
    {
        var status = Status;
        if (status == ServerCertificateStatus.Valid)
        {
            return;
        }

        var loaded = _loaded!;
        var certificate = loaded.Certificate;
        if (loaded.Stored is { } stored)
        {
            // Of several nodes renewing at once one replaces it; the others load the winner's.
            var renewed = Encoding.UTF8.GetBytes(ServerCertificateIssuer.IssueLeaf(options.Value, time.GetUtcNow(), authority.GetOrCreate()));
            secrets.TryReplace(SecretName, stored, renewed);
            Load(secrets.Find(SecretName)!);
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
                certificate.NotAfter.ToUniversalTime(), CertificatePath);
        }
        else
        {
            logger.LogWarning("THE TLS CERTIFICATE EXPIRES SOON ({NotAfter:O}, in {Days:F0} days): devices will refuse to connect after that. Replace {Path} and its key; the server loads them without a restart.",
                certificate.NotAfter.ToUniversalTime(), (certificate.NotAfter.ToUniversalTime() - now.UtcDateTime).TotalDays, CertificatePath);
        }
    }
}
