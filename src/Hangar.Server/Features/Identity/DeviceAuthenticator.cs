using System.Security.Cryptography.X509Certificates;
using Hangar.Data;
using Hangar.Data.Devices;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Identity;

/// <summary>
/// Hangar's own client-certificate authentication for the device listener. A registered, active certificate (matched
/// on the SHA-256 of the whole certificate, so a look-alike with the same CN or issuer never matches) is its device;
/// an unknown certificate goes to just-in-time provisioning; everything else is refused with a reason and nothing
/// written.
/// </summary>
internal sealed class DeviceAuthenticator(HangarDbContext db, DeviceAuthenticationCache cache, JitProvisioner provisioner)
{
    public async Task<DeviceAuthenticationResult> AuthenticateAsync(X509Certificate2 certificate, string requestId, string? clientAddress, CancellationToken cancellationToken)
    {
        var fingerprint = CertificateFacts.Fingerprint(certificate);
        if (cache.TryGet(fingerprint, out var cached))
        {
            return DeviceAuthenticationResult.Success(cached);
        }

        var generation = cache.Generation;
        var known = await db.DeviceCertificates.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.Fingerprint == fingerprint)
            .Select(c => new { c.Id, c.OrganizationId, c.DeviceId, c.Status, c.CaCertificateId })
            .SingleOrDefaultAsync(cancellationToken);
        if (known is not null)
        {
            // An expired but registered certificate still authenticates (devices in the field cannot always renew in
            // time); revocation is how an operator cuts one off.
            if (known.Status == CertificateStatus.Revoked)
            {
                return DeviceAuthenticationResult.Refused("certificate_revoked", known.OrganizationId, known.DeviceId, known.CaCertificateId);
            }

            var identity = new DeviceIdentity(known.OrganizationId, known.DeviceId, known.Id);
            cache.Store(fingerprint, identity, generation);
            return DeviceAuthenticationResult.Success(identity);
        }

        return await provisioner.ProvisionAsync(certificate, fingerprint, requestId, clientAddress, cancellationToken);
    }
}
