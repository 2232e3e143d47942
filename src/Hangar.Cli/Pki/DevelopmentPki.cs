using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Hangar.Cli.Pki;

/// <summary>
/// The certificates <c>hangar x509</c> makes: a development CA, a proof-of-possession verification certificate and
/// device certificates. Keys are ECDSA P-256; the extensions are the ones Hangar's checks look for.
/// </summary>
internal static class DevelopmentPki
{
    private static readonly Oid ClientAuthentication = new("1.3.6.1.5.5.7.3.2");

    // Devices and servers whose clocks run a little behind still accept a certificate made just now.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan VerificationLifetime = TimeSpan.FromDays(1);

    /// <summary>A CA certificate and its private key from PEM files, checked to be a CA whose key matches.</summary>
    public static X509Certificate2 LoadCa(string certificatePath, string keyPath)
    {
        var certificatePem = LocalFiles.ReadText(certificatePath, "--ca-cert");
        var keyPem = LocalFiles.ReadText(keyPath, "--ca-key");
        X509Certificate2 ca;
        try
        {
            ca = X509Certificate2.CreateFromPem(certificatePem, keyPem);
        }
        catch (Exception exception) when (exception is CryptographicException or ArgumentException)
        {
            throw new CommandException(ExitCodes.UsageError,
                $"cannot use {certificatePath} with {keyPath} (a PEM certificate and its unencrypted private key are needed): {exception.Message}");
        }

        if (ca.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault() is not { CertificateAuthority: true })
        {
            ca.Dispose();
            throw new CommandException(ExitCodes.UsageError, $"{certificatePath} is not a CA certificate (basicConstraints CA=true is missing).");
        }

        return ca;
    }

    public static IssuedCertificate CreateCa(string commonName, int days, TimeProvider time)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(Name(commonName), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = time.GetUtcNow();
        var certificate = request.CreateSelfSigned(now - ClockSkew, now.AddDays(days));
        return new IssuedCertificate(certificate, key.ExportPkcs8PrivateKeyPem() + "\n");
    }

    /// <summary>A short-lived certificate whose CN is the verification code, signed by the CA's key: the proof of possession.</summary>
    public static IssuedCertificate CreateVerificationCertificate(X509Certificate2 ca, string code, TimeProvider time)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(Name(code), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        var now = time.GetUtcNow();
        return Sign(request, ca, key, now - ClockSkew, now + VerificationLifetime);
    }

    /// <summary>A device (client authentication) certificate whose CN is the device identifier.</summary>
    public static IssuedCertificate CreateDevice(X509Certificate2 ca, string identifier, int days, TimeProvider time)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(Name(identifier), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([ClientAuthentication], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = time.GetUtcNow();
        return Sign(request, ca, key, now - ClockSkew, now.AddDays(days));
    }

    private static IssuedCertificate Sign(CertificateRequest request, X509Certificate2 ca, ECDsa key, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        if (ca.Extensions.OfType<X509SubjectKeyIdentifierExtension>().Any())
        {
            request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        }

        // A certificate cannot outlive its issuer; chain building would reject it.
        var caNotAfter = new DateTimeOffset(ca.NotAfter.ToUniversalTime());
        var caNotBefore = new DateTimeOffset(ca.NotBefore.ToUniversalTime());
        notAfter = notAfter > caNotAfter ? caNotAfter : notAfter;
        notBefore = notBefore < caNotBefore ? caNotBefore : notBefore;
        using var ecdsa = ca.GetECDsaPrivateKey();
        using var rsa = ecdsa is null ? ca.GetRSAPrivateKey() : null;
        var generator = ecdsa is not null ? X509SignatureGenerator.CreateForECDsa(ecdsa)
            : rsa is not null ? X509SignatureGenerator.CreateForRSA(rsa, RSASignaturePadding.Pkcs1)
            : throw new CommandException(ExitCodes.UsageError, "the CA key must be an ECDSA or RSA key.");
        using var signed = request.Create(ca.SubjectName, generator, notBefore, notAfter, Serial());
        return new IssuedCertificate(X509CertificateLoader.LoadCertificate(signed.RawData), key.ExportPkcs8PrivateKeyPem() + "\n");
    }

    private static X500DistinguishedName Name(string commonName)
    {
        var builder = new X500DistinguishedNameBuilder();
        builder.AddCommonName(commonName);
        return builder.Build();
    }

    private static byte[] Serial()
    {
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7f;
        return serial;
    }
}
