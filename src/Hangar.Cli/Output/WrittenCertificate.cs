using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Hangar.Cli.Output;

/// <summary>What <c>hangar x509</c> reports about a certificate it wrote, and where its files are.</summary>
internal sealed record WrittenCertificate(
    string Subject, string Serial, string Fingerprint, DateTime NotBefore, DateTime NotAfter, string CertificateFile, string? PrivateKeyFile)
{
    public static WrittenCertificate Of(X509Certificate2 certificate, string certificateFile, string? privateKeyFile) => new(
        certificate.Subject,
        certificate.SerialNumber.ToLowerInvariant(),
        Convert.ToHexStringLower(SHA256.HashData(certificate.RawData)),
        certificate.NotBefore.ToUniversalTime(),
        certificate.NotAfter.ToUniversalTime(),
        Path.GetFullPath(certificateFile),
        privateKeyFile is null ? null : Path.GetFullPath(privateKeyFile));
}
