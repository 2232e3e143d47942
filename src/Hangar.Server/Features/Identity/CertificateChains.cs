using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Hangar.Server.Features.Identity;

/// <summary>
/// Chain building with Hangar's own trust: only the given roots, never the OS store; no revocation (revocation is
/// the database's certificate status); no AIA downloads (a client-chosen URL fetched during the handshake is a DoS
/// and SSRF vector, and .NET 10 still downloads by default).
/// </summary>
internal static class CertificateChains
{
    private static readonly Oid ClientAuthentication = new("1.3.6.1.5.5.7.3.2");

    public static X509Chain Create(IEnumerable<X509Certificate2> roots, IEnumerable<X509Certificate2> intermediates, DateTime now, bool requireClientAuth)
    {
        var chain = new X509Chain();
        var policy = chain.ChainPolicy;
        policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        policy.CustomTrustStore.AddRange(roots.ToArray());
        policy.ExtraStore.AddRange(intermediates.ToArray());
        policy.RevocationMode = X509RevocationMode.NoCheck;
        policy.DisableCertificateDownloads = true;
        policy.VerificationTime = now;
        policy.VerificationTimeIgnored = false;
        if (requireClientAuth)
        {
            policy.ApplicationPolicy.Add(ClientAuthentication);
        }

        return chain;
    }

    public static string Describe(X509Chain chain) =>
        chain.ChainStatus.Length == 0 ? "no error" : string.Join(", ", chain.ChainStatus.Select(s => s.Status));
}
