using System.Security.Cryptography.X509Certificates;

namespace Hangar.Cli.Pki;

/// <summary>A certificate just made and the PEM (PKCS#8) of its private key.</summary>
internal sealed record IssuedCertificate(X509Certificate2 Certificate, string PrivateKeyPem)
{
    public string CertificatePem => Certificate.ExportCertificatePem() + "\n";
}
