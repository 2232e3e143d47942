using System.Security.Cryptography.X509Certificates;

namespace Hangar.Server.Features.Identity;

/// <summary>
/// What a CA must be to be registered. An intermediate must come with its chain up to a self-signed root, because
/// .NET's custom-root trust accepts only self-signed anchors (an intermediate alone in CustomTrustStore fails with
/// PartialChain); the device listener builds chains the same way.
/// </summary>
internal static class CaCertificateChecks
{
    public static string? CaRefusal(X509Certificate2 ca, DateTime now)
    {
        if (!CertificateFacts.IsCa(ca))
        {
            return "is not a CA certificate (it lacks basicConstraints CA=true).";
        }

        if (!CertificateFacts.IsSigningCa(ca))
        {
            return "may not sign certificates (its key usage lacks keyCertSign).";
        }

        if (!CertificateFacts.IsTimeValid(ca, now))
        {
            return $"is outside its validity ({ca.NotBefore.ToUniversalTime():yyyy-MM-ddTHH:mm:ssZ} to {ca.NotAfter.ToUniversalTime():yyyy-MM-ddTHH:mm:ssZ}).";
        }

        if (!CertificateFacts.HasAcceptableKey(ca))
        {
            return "must have an ECDSA key on a curve of at least 256 bits or an RSA key of at least 2048 bits.";
        }

        // A root's signature over itself vouches for nothing; an intermediate's is what links it to its root.
        return CertificateFacts.HasWeakSignature(ca) && !ca.SubjectName.RawData.AsSpan().SequenceEqual(ca.IssuerName.RawData)
            ? $"is signed with {ca.SignatureAlgorithm.FriendlyName ?? ca.SignatureAlgorithm.Value}; MD5 and SHA-1 signatures are refused."
            : null;
    }

    /// <summary>For an intermediate: whether <paramref name="chain"/> links it to a self-signed root, within <paramref name="maxDepth"/> certificates.</summary>
    public static string? ChainRefusal(X509Certificate2 ca, IReadOnlyList<X509Certificate2> chain, int maxDepth, DateTime now)
    {
        if (CertificateFacts.IsSelfSigned(ca))
        {
            return chain.Count == 0 ? null : "must be empty for a self-signed (root) CA.";
        }

        if (chain.Count == 0)
        {
            return "is required for an intermediate CA: give its issuers up to and including the self-signed root.";
        }

        var roots = chain.Where(CertificateFacts.IsSelfSigned).ToList();
        if (roots.Count != 1)
        {
            return "must contain exactly one self-signed root.";
        }

        using var builder = CertificateChains.Create(roots, chain.Except(roots), now, requireClientAuth: false);
        var built = builder.Build(ca);
        var elements = builder.ChainElements.Select(e => e.Certificate).ToList();
        try
        {
            if (!built || elements.Count > maxDepth - 1 || !elements[^1].RawData.AsSpan().SequenceEqual(roots[0].RawData))
            {
                return $"does not link the CA to the root ({CertificateChains.Describe(builder)}), or is longer than {maxDepth - 1} certificates.";
            }

            return elements.Skip(1).All(CertificateFacts.IsSigningCa) ? null : "contains a certificate that is not a signing CA.";
        }
        finally
        {
            elements.ForEach(e => e.Dispose());
        }
    }
}
