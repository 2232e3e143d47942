using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Hangar.Console.Tests;

/// <summary>
/// A CA made as an organization would make its own (ECDSA P-256, a signing CA), and the proof of possession the API
/// asks for: a certificate whose CN is the verification code, signed with the CA's key, which stays in the test.
/// </summary>
internal sealed class TestCertificateAuthority : IDisposable
{
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public TestCertificateAuthority(string commonName)
    {
        var now = TimeProvider.System.GetUtcNow();
        var request = new CertificateRequest($"CN={commonName}", _key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        Certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
    }

    public X509Certificate2 Certificate { get; }

    public string Pem => Certificate.ExportCertificatePem();

    /// <summary>The API's fingerprint: SHA-256 of the DER certificate, lower-case hex.</summary>
    public string Fingerprint => Convert.ToHexStringLower(SHA256.HashData(Certificate.RawData));

    /// <summary>A verification certificate for <paramref name="code"/>, signed with this CA's key.</summary>
    public string VerificationPem(string code)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var now = TimeProvider.System.GetUtcNow();
        var request = new CertificateRequest($"CN={code}", key, HashAlgorithmName.SHA256);
        using var signed = request.Create(Certificate.SubjectName, X509SignatureGenerator.CreateForECDsa(_key), now.AddMinutes(-5), now.AddDays(1),
            RandomNumberGenerator.GetBytes(8));
        return signed.ExportCertificatePem();
    }

    /// <summary>A device's client certificate (with its key) for <paramref name="commonName"/>, signed with this CA's key.</summary>
    public X509Certificate2 DeviceCertificate(string commonName)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var now = TimeProvider.System.GetUtcNow();
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        using var signed = request.Create(Certificate.SubjectName, X509SignatureGenerator.CreateForECDsa(_key), now.AddMinutes(-5), now.AddDays(1),
            RandomNumberGenerator.GetBytes(8));
        return signed.CopyWithPrivateKey(key);
    }

    public void Dispose()
    {
        Certificate.Dispose();
        _key.Dispose();
    }
}
