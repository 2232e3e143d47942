using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Hangar.Testing.Pki;

/// <summary>
/// Certificates made in memory for tests: ECDSA P-256 CAs, intermediates and device leaves, each with its private key.
/// Validity defaults to an hour back and a year ahead of the real clock; tests pass other windows to make expired ones.
/// </summary>
public static class TestPki
{
    private static DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    public static X509Certificate2 Root(string subject = "CN=Test Root CA", DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = CaRequest(subject, key);
        return request.CreateSelfSigned(notBefore ?? Now.AddHours(-1), notAfter ?? Now.AddYears(5));
    }

    public static X509Certificate2 Intermediate(X509Certificate2 issuer, string subject = "CN=Test Intermediate CA")
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = CaRequest(subject, key);
        using var signed = request.Create(issuer, Now.AddHours(-1), Now.AddYears(4), Serial());
        return signed.CopyWithPrivateKey(key);
    }

    /// <summary>
    /// An end-entity certificate for <paramref name="commonName"/> signed by <paramref name="issuer"/>; with
    /// <paramref name="caIssuersUrl"/>, an Authority Information Access extension naming where its issuer could be downloaded.
    /// <paramref name="key"/>, <paramref name="signatureHash"/> and <paramref name="extendedKeyUsages"/> make the weak or
    /// misused certificates devices must be refused for (RSA-1024, SHA-1 signatures, serverAuth only); an empty
    /// <paramref name="extendedKeyUsages"/> leaves the extension out.
    /// </summary>
    public static X509Certificate2 Leaf(
        X509Certificate2 issuer, string commonName, bool isCa = false, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null, string? caIssuersUrl = null,
        LeafKey key = LeafKey.EcdsaP256, HashAlgorithmName? signatureHash = null, string[]? extendedKeyUsages = null)
    {
        using var asymmetric = CreateKey(key);
        var hash = signatureHash ?? HashAlgorithmName.SHA256;
        var request = asymmetric is RSA rsa
            ? new CertificateRequest($"CN={commonName}", rsa, hash, RSASignaturePadding.Pkcs1)
            : new CertificateRequest($"CN={commonName}", (ECDsa)asymmetric, hash);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(isCa, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        var usages = extendedKeyUsages ?? [ClientAuthentication];
        if (usages.Length > 0)
        {
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([.. usages.Select(u => new Oid(u))], false));
        }

        if (caIssuersUrl is not null)
        {
            request.CertificateExtensions.Add(new X509AuthorityInformationAccessExtension(null, [caIssuersUrl]));
        }

        var before = notBefore ?? Now.AddHours(-1);
        var after = notAfter ?? Now.AddYears(1);
        // A signed certificate cannot outlive its issuer.
        after = after > issuer.NotAfter ? new DateTimeOffset(issuer.NotAfter.ToUniversalTime()) : after;
        // The issuer (ECDSA, like every test CA) signs with the leaf's hash; SHA-1 makes ecdsa-with-SHA1.
        using var issuerKey = issuer.GetECDsaPrivateKey()!;
        var generator = hash == HashAlgorithmName.SHA1 ? new Sha1EcdsaSignatureGenerator(issuerKey) : X509SignatureGenerator.CreateForECDsa(issuerKey);
        using var signed = request.Create(issuer.SubjectName, generator, before, after, Serial());
        return asymmetric is RSA rsaKey ? signed.CopyWithPrivateKey(rsaKey) : signed.CopyWithPrivateKey((ECDsa)asymmetric);
    }

    /// <summary>The extended key usage a TLS client certificate carries (id-kp-clientAuth).</summary>
    public const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";

    /// <summary>id-kp-serverAuth: a TLS server certificate's usage, not a device's.</summary>
    public const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";

    /// <summary>The DER of <paramref name="certificate"/> with extra bytes after it, as PEM: a block that is more than one certificate.</summary>
    public static string PemWithTrailingBytes(X509Certificate2 certificate, params byte[] extra) =>
        new string(PemEncoding.Write("CERTIFICATE", [.. certificate.RawData, .. extra])) + "\n";

    /// <summary>A self-signed device certificate (no CA at all).</summary>
    public static X509Certificate2 SelfSignedLeaf(string commonName)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        return request.CreateSelfSigned(Now.AddHours(-1), Now.AddYears(1));
    }

    public static string Pem(X509Certificate2 certificate) => certificate.ExportCertificatePem() + "\n";

    /// <summary>A certificate usable as a TLS client certificate on Linux (an ephemeral key must be exported and re-imported).</summary>
    public static X509Certificate2 ForTls(X509Certificate2 certificate) =>
        X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);

    private static CertificateRequest CaRequest(string subject, ECDsa key)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request;
    }

    private static AsymmetricAlgorithm CreateKey(LeafKey key) => key switch
    {
        LeafKey.Rsa1024 => RSA.Create(1024),
        LeafKey.Rsa2048 => RSA.Create(2048),
        LeafKey.EcdsaP224 => ECDsa.Create(ECCurve.CreateFromFriendlyName("secp224r1")),
        _ => ECDsa.Create(ECCurve.NamedCurves.nistP256),
    };

    private static byte[] Serial()
    {
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7f;
        return serial;
    }
}
