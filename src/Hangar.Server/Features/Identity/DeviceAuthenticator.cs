using System.Security.Cryptography.X509Certificates;
using Hangar.Data;
using Hangar.Data.Devices;
using Hangar.Data.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Identity;

/// <summary>
/// Hangar's own client-certificate authentication for the device listener. A registered, active certificate (matched
/// on the SHA-256 of the whole certificate, so a look-alike with the same CN or issuer never matches) is its device,
/// as long as it is still strong enough, within its validity (with the clock skew allowance) or its expiry grace;
/// an unknown certificate goes to just-in-time provisioning; everything else is refused with a reason and nothing
/// written.
/// </summary>
internal sealed class DeviceAuthenticator(
    HangarDbContext db, DeviceAuthenticationCache cache, JitProvisioner provisioner, TimeProvider time, IOptions<DeviceIdentityOptions> options)
{
    public const string CertificateExpired = "certificate_expired";
    public const string CertificateNotYetValid = "certificate_not_yet_valid";

    /// <summary>For a certificate the authentication cache does not hold (the caller looked there first).</summary>
    public async Task<DeviceAuthenticationResult> AuthenticateAsync(
        X509Certificate2 certificate, string fingerprint, string requestId, string? clientAddress, CancellationToken cancellationToken)
    {
        var generation = cache.Generation;
        var known = await db.DeviceCertificates.IgnoreQueryFilters([TenantFilter.Name]).AsNoTracking()
            .Where(c => c.Fingerprint == fingerprint)
            .Select(c => new { c.Id, c.OrganizationId, c.DeviceId, c.Status, c.CaCertificateId })
            .SingleOrDefaultAsync(cancellationToken);
        if (known is null)
        {
            return await provisioner.ProvisionAsync(certificate, fingerprint, requestId, clientAddress, cancellationToken);
        }

        // Revocation is how an operator cuts a certificate off; the other checks catch what was registered before a
        // rule existed (weak keys and signatures) or has since run out.
        var inGrace = false;
        var refusal = known.Status == CertificateStatus.Revoked ? "certificate_revoked"
            : DeviceCertificateStrength.Refusal(certificate)?.Reason ?? TimeRefusal(certificate, out inGrace);
        if (refusal is not null)
        {
            return DeviceAuthenticationResult.Refused(refusal, known.OrganizationId, known.DeviceId, known.CaCertificateId);
        }

        var identity = new DeviceIdentity(known.OrganizationId, known.DeviceId, known.Id);
        if (inGrace)
        {
            // Not cached: every use within the grace period is seen (and flagged), and the end of the grace is exact.
            return DeviceAuthenticationResult.Success(identity, expiredInGrace: true);
        }

        cache.Store(fingerprint, identity, generation);
        return DeviceAuthenticationResult.Success(identity);
    }

    /// <summary>
    /// For a registered certificate: refused before its notBefore (less the skew allowance) and after its notAfter
    /// plus the grace period; <paramref name="inGrace"/> when it has expired but the grace still covers it.
    /// </summary>
    private string? TimeRefusal(X509Certificate2 certificate, out bool inGrace)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var settings = options.Value;
        inGrace = false;
        if (certificate.NotBefore.ToUniversalTime() > now.AddSeconds(settings.ClockSkewSeconds))
        {
            return CertificateNotYetValid;
        }

        var notAfter = certificate.NotAfter.ToUniversalTime();
        if (notAfter >= now)
        {
            return null;
        }

        inGrace = now <= notAfter.AddDays(settings.ExpiredCertificateGraceDays);
        return inGrace ? null : CertificateExpired;
    }
}
