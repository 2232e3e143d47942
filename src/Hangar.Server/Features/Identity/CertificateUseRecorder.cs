using System.Data.Common;
using System.Security.Cryptography.X509Certificates;
using Hangar.Core.Resources;
using Hangar.Data;
using Hangar.Server.Features.Events;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Identity;

/// <summary>
/// Records events about a registered certificate's use that an operator must hear of — an expired certificate still
/// in its grace period, one certificate used from two addresses — at most once per certificate and event type per
/// <see cref="Window"/> on each node, so a device in steady use does not write an event per request.
/// </summary>
internal sealed class CertificateUseRecorder(IServiceScopeFactory scopes, AuthenticationFailureThrottle throttle, ILogger<CertificateUseRecorder> logger)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    /// <summary>Whether an event was written.</summary>
    public async Task<bool> RecordAsync(string type, DeviceIdentity identity, X509Certificate2 certificate, Func<RefusedCertificate, object> data, CancellationToken cancellationToken)
    {
        var fingerprint = CertificateFacts.Fingerprint(certificate);
        if (!throttle.TryClaim(fingerprint, type, Window))
        {
            return false;
        }

        // A fresh unit of work: the request's context may hold nothing that belongs in this save.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
        var events = scope.ServiceProvider.GetRequiredService<EventRecorder>();
        events.Actor("device", identity.DeviceId, CertificateFacts.CommonName(certificate));
        var described = new RefusedCertificate(fingerprint, certificate.Subject, certificate.Issuer, CertificateFacts.Serial(certificate));
        events.Record(type, ResourceTypes.Device, identity.DeviceId, data(described), identity.OrganizationId);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (Exception e) when (e is DbUpdateException or DbException)
        {
            // The request goes on; the log line is the record then.
            logger.LogError(e, "Could not record {EventType} for certificate {Fingerprint} of device {DeviceId}", type, fingerprint, identity.DeviceId);
            return false;
        }
    }
}
