using System.Security.Cryptography.X509Certificates;
using System.Text;
using Hangar.Server.Hosting.Secrets;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Hosting.Tls;

/// <summary>
/// The installation's private server CA, which devices pin. It lives in the database (certificate and sealed key),
/// so every node issues and presents certificates from the same CA. Created on first need, or imported from
/// <c>&lt;data&gt;/tls/server-ca.crt</c> and <c>server-ca.key</c> where an older version made it, so an upgrade keeps
/// the CA devices trust. Its certificate (public) is also written to <c>&lt;data&gt;/tls/server-ca.crt</c> for
/// operators and provisioning scripts.
/// </summary>
internal sealed class ServerCertificateAuthority(ServerSecrets secrets, IOptions<ServerOptions> options, TimeProvider time, ILogger<ServerCertificateAuthority> logger)
{
    public const string SecretName = "tls/server-ca";

    private readonly Lock _gate = new();
    private X509Certificate2? _ca;

    public string CertificatePath => options.Value.DataPath("tls", "server-ca.crt");

    private string LegacyKeyPath => options.Value.DataPath("tls", "server-ca.key");

    private bool HasLegacyFiles => File.Exists(CertificatePath) && File.Exists(LegacyKeyPath);

    /// <summary>
    /// The CA with its key (imported when an older version left one), or null when the installation has none (its
    /// operator supplied every certificate).
    /// </summary>
    public X509Certificate2? Find()
    {
        lock (_gate)
        {
            if (_ca is null && secrets.Find(SecretName) is { } stored)
            {
                _ca = Loaded(stored);
            }

            return _ca ?? (HasLegacyFiles ? GetOrCreate() : null);
        }
    }

    /// <summary>The CA with its key, imported from an older version's files or created when there is none yet.</summary>
    public X509Certificate2 GetOrCreate()
    {
        lock (_gate)
        {
            return _ca ??= Loaded(secrets.GetOrAdd(SecretName, ImportOrCreate));
        }
    }

    /// <summary>The CA certificate as PEM (no key), or null when there is no CA.</summary>
    public string? FindPem() => Find() is { } ca ? ca.ExportCertificatePem() + "\n" : null;

    private byte[] ImportOrCreate()
    {
        if (HasLegacyFiles)
        {
            logger.LogInformation("Imported the server CA from {Path} into the database; {Key} is no longer used", CertificatePath, LegacyKeyPath);
            return Encoding.UTF8.GetBytes(File.ReadAllText(CertificatePath) + "\n" + File.ReadAllText(LegacyKeyPath));
        }

        logger.LogInformation("Created the server CA");
        return Encoding.UTF8.GetBytes(ServerCertificateIssuer.CreateCa(time.GetUtcNow()));
    }

    private X509Certificate2 Loaded(byte[] stored)
    {
        var pem = Encoding.UTF8.GetString(stored);
        var ca = X509Certificate2.CreateFromPem(pem, pem);
        Export(ca.ExportCertificatePem() + "\n");
        return ca;
    }

    private void Export(string pem)
    {
        if (File.Exists(CertificatePath) && File.ReadAllText(CertificatePath) == pem)
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(CertificatePath)!);
        var temporary = CertificatePath + ".tmp";
        File.WriteAllText(temporary, pem);
        File.Move(temporary, CertificatePath, overwrite: true);
    }
}
