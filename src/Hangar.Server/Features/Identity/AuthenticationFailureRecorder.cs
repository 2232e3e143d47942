using System.Data.Common;
using System.Security.Cryptography.X509Certificates;
using Hangar.Core.Events;
using Hangar.Core.Resources;
using Hangar.Data;
using Hangar.Server.Features.Events;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Identity;

/// <summary>
/// Records <c>device.authentication_failed</c> in the organization a refused certificate proved it belongs to, as
/// far as <see cref="AuthenticationFailureThrottle"/> allows. Refusals without an organization are never written
/// (anyone can make them); the middleware's log line is their record.
/// </summary>
internal sealed class AuthenticationFailureRecorder(
    IServiceScopeFactory scopes, AuthenticationFailureThrottle throttle, ILogger<AuthenticationFailureRecorder> logger)
{
    /// <summary>Whether an event was written.</summary>
    public async Task<bool> RecordAsync(
        DeviceAuthenticationResult result, X509Certificate2 certificate, string fingerprint, string? clientAddress, CancellationToken cancellationToken)
    {
        if (result is not { OrganizationId: { } organizationId, Reason: { } reason } || (result.DeviceId ?? result.CaCertificateId) is not { } resourceId
            || !throttle.TryClaim(fingerprint, reason))
        {
            return false;
        }

        // A fresh unit of work: the request's context may hold nothing that belongs in this save.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
        var events = scope.ServiceProvider.GetRequiredService<EventRecorder>();
        events.Actor("device", result.DeviceId, CertificateFacts.CommonName(certificate));
        events.Record(EventTypes.DeviceAuthenticationFailed, result.DeviceId is null ? ResourceTypes.CaCertificate : ResourceTypes.Device, resourceId,
            new AuthenticationFailedEventData(reason, clientAddress,
                new RefusedCertificate(fingerprint, certificate.Subject, certificate.Issuer, CertificateFacts.Serial(certificate)),
                result.DeviceId, result.CaCertificateId),
            organizationId);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (Exception e) when (e is DbUpdateException or DbException)
        {
            // The refusal stands and is logged by the caller; a database hiccup must not turn a 401 into a 500.
            logger.LogError(e, "Could not record device.authentication_failed for certificate {Fingerprint} in organization {OrganizationId}", fingerprint, organizationId);
            return false;
        }
    }
}
