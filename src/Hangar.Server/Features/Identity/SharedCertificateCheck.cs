using System.Security.Cryptography.X509Certificates;
using Hangar.Core.Events;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Identity;

/// <summary>
/// Applies <see cref="DeviceIdentityOptions.SharedCertificatePolicy"/> to an authenticated request: one certificate
/// in use from two addresses is a copied key or a device that moved networks. Both are recorded (throttled
/// <c>device.certificate_shared</c>); under <c>Deny</c> the newcomer is refused while the first address is active.
/// Behind a TLS-terminating proxy every device shares the proxy's address, so nothing is detected there.
/// </summary>
internal sealed class SharedCertificateCheck(CertificateAddressTracker tracker, CertificateUseRecorder recorder, IOptions<DeviceIdentityOptions> options)
{
    public const string Refusal = "certificate_shared";

    /// <summary>False when the request must be refused.</summary>
    public async Task<bool> AllowAsync(DeviceIdentity identity, X509Certificate2 certificate, string? clientAddress, CancellationToken cancellationToken)
    {
        var policy = options.Value.SharedCertificatePolicy;
        if (policy == SharedCertificatePolicy.Allow || clientAddress is null)
        {
            return true;
        }

        var deny = policy == SharedCertificatePolicy.Deny;
        if (tracker.Observe(identity.CertificateId, clientAddress, takeOver: !deny) is not { } other)
        {
            return true;
        }

        await recorder.RecordAsync(EventTypes.DeviceCertificateShared, identity, certificate,
            described => new CertificateSharedEventData(clientAddress, other, deny ? "deny" : "flag", described, identity.CertificateId), cancellationToken);
        return !deny;
    }
}
