using System.Security.Cryptography.X509Certificates;

namespace Hangar.Server.Features.Identity;

/// <summary>
/// What any certificate must be to identify a device, checked at every entry — admin upload, CSV import, JITP — and
/// again whenever a stored certificate authenticates, so a certificate registered before a rule existed is caught too.
/// </summary>
internal static class DeviceCertificateStrength
{
    public const string WeakKey = "weak_key";
    public const string WeakSignature = "weak_signature";
    public const string ClientAuthNotPermitted = "client_auth_not_permitted";

    /// <summary>Null when the key, signature and usage are acceptable; otherwise the first problem.</summary>
    public static CertificateRefusal? Refusal(X509Certificate2 certificate)
    {
        if (!CertificateFacts.HasAcceptableKey(certificate))
        {
            return new(WeakKey, "must have an ECDSA key on a curve of at least 256 bits (P-256 or stronger) or an RSA key of at least 2048 bits.");
        }

        if (CertificateFacts.HasWeakSignature(certificate))
        {
            return new(WeakSignature, $"is signed with {certificate.SignatureAlgorithm.FriendlyName ?? certificate.SignatureAlgorithm.Value}; MD5 and SHA-1 signatures are refused (use SHA-256 or stronger).");
        }

        return CertificateFacts.AllowsClientAuthentication(certificate) ? null
            : new(ClientAuthNotPermitted, "has an extended key usage without clientAuth; a device certificate must allow TLS client authentication.");
    }
}
