using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Hangar.Server.Features.Identity;

/// <summary>What Hangar records and checks about a certificate.</summary>
internal static class CertificateFacts
{
    private const string CommonNameOid = "2.5.4.3";
    private const string ClientAuthenticationOid = "1.3.6.1.5.5.7.3.2";
    private const string AnyExtendedKeyUsageOid = "2.5.29.37.0";

    public static string Fingerprint(X509Certificate2 certificate) => Convert.ToHexStringLower(SHA256.HashData(certificate.RawData));

    public static string SpkiHash(X509Certificate2 certificate) =>
        Convert.ToHexStringLower(SHA256.HashData(certificate.PublicKey.ExportSubjectPublicKeyInfo()));

    public static string Serial(X509Certificate2 certificate) => certificate.SerialNumber.ToLowerInvariant();

    public static string Pem(X509Certificate2 certificate) => certificate.ExportCertificatePem();

    /// <summary>The subject's CN, only when there is exactly one (GetNameInfo would fall back to other attributes).</summary>
    public static string? CommonName(X509Certificate2 certificate)
    {
        string? found = null;
        try
        {
            foreach (var rdn in certificate.SubjectName.EnumerateRelativeDistinguishedNames())
            {
                if (!rdn.HasMultipleElements && rdn.GetSingleElementType().Value == CommonNameOid)
                {
                    if (found is not null)
                    {
                        return null;
                    }

                    found = rdn.GetSingleElementValue();
                }
            }
        }
        catch (Exception e) when (e is CryptographicException or AsnContentException)
        {
            return null;
        }

        return found;
    }

    public static bool IsCa(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509BasicConstraintsExtension>().Any(b => b.CertificateAuthority);

    /// <summary>A CA that may sign certificates: basicConstraints CA and, when key usage is given, keyCertSign.</summary>
    public static bool IsSigningCa(X509Certificate2 certificate) =>
        IsCa(certificate)
        && certificate.Extensions.OfType<X509KeyUsageExtension>().All(k => k.KeyUsages.HasFlag(X509KeyUsageFlags.KeyCertSign));

    public static bool IsSelfSigned(X509Certificate2 certificate) =>
        certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData) && SignedBy(certificate, certificate);

    public static bool IsTimeValid(X509Certificate2 certificate, DateTime now) =>
        certificate.NotBefore.ToUniversalTime() <= now && now <= certificate.NotAfter.ToUniversalTime();

    /// <summary>Keys Hangar accepts for identities: ECDSA on a curve of at least 256 bits, or RSA of at least 2048 bits.</summary>
    public static bool HasAcceptableKey(X509Certificate2 certificate)
    {
        try
        {
            using var rsa = certificate.GetRSAPublicKey();
            if (rsa is not null)
            {
                return rsa.KeySize >= 2048;
            }

            using var ecdsa = certificate.GetECDsaPublicKey();
            return ecdsa is not null && ecdsa.KeySize >= 256;
        }
        catch (CryptographicException)
        {
            // A curve or key encoding this platform cannot load is not one Hangar can vouch for.
            return false;
        }
    }

    /// <summary>
    /// Whether the certificate's own signature uses a broken hash (MD2, MD4, MD5, SHA-1): a collision in the hash lets
    /// whoever made it claim another certificate's signature.
    /// </summary>
    public static bool HasWeakSignature(X509Certificate2 certificate) =>
        certificate.SignatureAlgorithm.Value is "1.2.840.113549.1.1.2" or "1.2.840.113549.1.1.3" or "1.2.840.113549.1.1.4"
            or "1.2.840.113549.1.1.5" or "1.3.14.3.2.29" or "1.2.840.10045.4.1" or "1.2.840.10040.4.3";

    /// <summary>
    /// Whether the certificate may authenticate a TLS client: without an extended key usage extension any use is
    /// allowed (RFC 5280 4.2.1.12); with one, it must list clientAuth or anyExtendedKeyUsage.
    /// </summary>
    public static bool AllowsClientAuthentication(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>()
            .All(e => e.EnhancedKeyUsages.Cast<Oid>().Any(u => u.Value is ClientAuthenticationOid or AnyExtendedKeyUsageOid));

    /// <summary>
    /// Whether <paramref name="issuer"/>'s key made <paramref name="subject"/>'s signature, checked directly on the
    /// TBS bytes: a chain build cannot answer this for an intermediate issuer (.NET only anchors on self-signed roots).
    /// With <paramref name="acceptSha1"/>, SHA-1 signatures verify too: only to learn which registered CA made a leaf,
    /// so that refusing it for its weak signature is recorded in the right organization.
    /// </summary>
    public static bool SignedBy(X509Certificate2 subject, X509Certificate2 issuer, bool acceptSha1 = false)
    {
        if (!subject.IssuerName.RawData.AsSpan().SequenceEqual(issuer.SubjectName.RawData))
        {
            return false;
        }

        try
        {
            var reader = new AsnReader(subject.RawData, AsnEncodingRules.DER).ReadSequence();
            var tbs = reader.ReadEncodedValue();
            var algorithm = reader.ReadSequence().ReadObjectIdentifier();
            var signature = reader.ReadBitString(out _);
            HashAlgorithmName? hash = algorithm switch
            {
                "1.2.840.10045.4.3.2" or "1.2.840.113549.1.1.11" => HashAlgorithmName.SHA256,
                "1.2.840.10045.4.3.3" or "1.2.840.113549.1.1.12" => HashAlgorithmName.SHA384,
                "1.2.840.10045.4.3.4" or "1.2.840.113549.1.1.13" => HashAlgorithmName.SHA512,
                "1.2.840.10045.4.1" or "1.2.840.113549.1.1.5" when acceptSha1 => HashAlgorithmName.SHA1,
                _ => null,
            };
            if (hash is null)
            {
                return false;
            }

            using var ecdsa = issuer.GetECDsaPublicKey();
            if (ecdsa is not null)
            {
                return algorithm.StartsWith("1.2.840.10045", StringComparison.Ordinal)
                    && ecdsa.VerifyData(tbs.Span, signature, hash.Value, DSASignatureFormat.Rfc3279DerSequence);
            }

            using var rsa = issuer.GetRSAPublicKey();
            return rsa is not null && algorithm.StartsWith("1.2.840.113549", StringComparison.Ordinal)
                && rsa.VerifyData(tbs.Span, signature, hash.Value, RSASignaturePadding.Pkcs1);
        }
        catch (Exception e) when (e is CryptographicException or AsnContentException)
        {
            return false;
        }
    }
}
