using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Hangar.Server.Features.Identity;

/// <summary>What Hangar records and checks about a certificate.</summary>
internal static class CertificateFacts
{
    private const string CommonNameOid = "2.5.4.3";

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

    /// <summary>Keys Hangar accepts for identities: ECDSA, or RSA of at least 2048 bits.</summary>
    public static bool HasAcceptableKey(X509Certificate2 certificate)
    {
        using var rsa = certificate.GetRSAPublicKey();
        if (rsa is not null)
        {
            return rsa.KeySize >= 2048;
        }

        using var ecdsa = certificate.GetECDsaPublicKey();
        return ecdsa is not null;
    }

    /// <summary>Whether <paramref name="issuer"/>'s key signed <paramref name="subject"/>, by a one-step chain build with only it trusted.</summary>
    public static bool SignedBy(X509Certificate2 subject, X509Certificate2 issuer)
    {
        if (!subject.IssuerName.RawData.AsSpan().SequenceEqual(issuer.SubjectName.RawData))
        {
            return false;
        }

        using var chain = new X509Chain();
        var policy = chain.ChainPolicy;
        policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        policy.CustomTrustStore.Add(issuer);
        policy.RevocationMode = X509RevocationMode.NoCheck;
        policy.DisableCertificateDownloads = true;
        // Only the signature is in question here; validity and usage are checked separately with clear messages.
        policy.VerificationFlags = X509VerificationFlags.IgnoreNotTimeValid | X509VerificationFlags.IgnoreWrongUsage
            | X509VerificationFlags.IgnoreInvalidBasicConstraints | X509VerificationFlags.IgnoreInvalidPolicy;
        try
        {
            chain.Build(subject);
            return chain.ChainElements.Count >= 2
                && chain.ChainElements[1].Certificate.RawData.AsSpan().SequenceEqual(issuer.RawData)
                && chain.ChainStatus.All(s => s.Status is X509ChainStatusFlags.NoError or X509ChainStatusFlags.NotTimeValid
                    or X509ChainStatusFlags.NotValidForUsage or X509ChainStatusFlags.InvalidBasicConstraints)
                || (subject.RawData.AsSpan().SequenceEqual(issuer.RawData) && chain.ChainStatus.All(s => s.Status is X509ChainStatusFlags.NoError or X509ChainStatusFlags.NotTimeValid));
        }
        finally
        {
            foreach (var element in chain.ChainElements)
            {
                element.Certificate.Dispose();
            }
        }
    }
}
