using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Hangar.Contracts.Common;
using Hangar.Core.Events;
using Hangar.Data;
using Hangar.Server.Hosting.Listeners;
using Hangar.Server.Hosting.Problems;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Identity;

/// <summary>
/// Authenticates every request on the device listener by its client certificate before any device endpoint runs,
/// and before the rate limiter, which limits devices by the identity found here. Every refusal is logged with its
/// reason (the audit-grade record); one whose organization is known also becomes a throttled
/// <c>device.authentication_failed</c> event there. The answer is 401 without the reason, which would only help an
/// attacker probe.
/// </summary>
internal sealed class DeviceAuthenticationMiddleware(RequestDelegate next, IOptions<DeviceIdentityOptions> options, TimeProvider time, ILogger<DeviceAuthenticationMiddleware> logger)
{
    /// <summary>Where the connection's client certificate is left for <c>KestrelListeners</c> to dispose when the connection ends.</summary>
    public const string ClientCertificateItemKey = "hangar.client-certificate";

    private readonly TimeSpan _lastConnectedResolution = TimeSpan.FromSeconds(options.Value.LastConnectedWriteSeconds);
    private readonly HashSet<IPAddress> _trustedProxies = options.Value.TrustedProxies.Select(IPAddress.Parse).Select(Normalize).ToHashSet();

    public async Task InvokeAsync(
        HttpContext context, DeviceAuthenticator authenticator, AuthenticationFailureRecorder failures, LastConnectedStamps stamps, HangarDbContext db,
        SharedCertificateCheck sharing, CertificateUseRecorder uses, DeviceAuthenticationMetrics metrics)
    {
        if (ListenerGuardMiddleware.ListenerOf(context) != ListenerKind.Device)
        {
            await next(context);
            return;
        }

        var clientAddress = context.Connection.RemoteIpAddress?.ToString();
        using var forwarded = ForwardedCertificate(context, out var forwardedProblem);
        var certificate = forwarded ?? context.Connection.ClientCertificate;
        if (forwarded is null && certificate is not null && context.Features.Get<IConnectionItemsFeature>() is { } connection)
        {
            connection.Items[ClientCertificateItemKey] = certificate;
        }

        if (certificate is null)
        {
            metrics.Refused(forwardedProblem ?? "no_certificate");
            logger.LogWarning("Device authentication failed from {ClientAddress}: {Reason}", clientAddress, forwardedProblem ?? "no_certificate");
            await RefuseAsync(context);
            return;
        }

        var result = await authenticator.AuthenticateAsync(certificate, context.TraceIdentifier, clientAddress, context.RequestAborted);
        if (result.Identity is not { } identity)
        {
            metrics.Refused(result.Reason!);
            var fingerprint = CertificateFacts.Fingerprint(certificate);
            var recorded = await failures.RecordAsync(result, certificate, fingerprint, clientAddress, context.RequestAborted);
            logger.LogWarning(
                "Device authentication failed from {ClientAddress}: {Reason}; organization {OrganizationId}, device {DeviceId}, CA {CaCertificateId}, " +
                "subject '{Subject}', issuer '{Issuer}', serial {Serial}, fingerprint {Fingerprint}; event recorded: {EventRecorded}",
                clientAddress, result.Reason, result.OrganizationId, result.DeviceId, result.CaCertificateId,
                certificate.Subject, certificate.Issuer, certificate.SerialNumber, fingerprint, recorded);
            await RefuseAsync(context);
            return;
        }

        if (result.ExpiredInGrace)
        {
            var expiredAt = certificate.NotAfter.ToUniversalTime();
            await uses.RecordAsync(EventTypes.DeviceExpiredCertificateUsed, identity, certificate, described => new ExpiredCertificateUsedEventData(
                clientAddress, described, identity.CertificateId, expiredAt, expiredAt.AddDays(options.Value.ExpiredCertificateGraceDays)), context.RequestAborted);
        }

        if (!await sharing.AllowAsync(identity, certificate, clientAddress, context.RequestAborted))
        {
            metrics.Refused(SharedCertificateCheck.Refusal);
            logger.LogWarning("Device authentication failed from {ClientAddress}: {Reason}; organization {OrganizationId}, device {DeviceId}, certificate {CertificateId}",
                clientAddress, SharedCertificateCheck.Refusal, identity.OrganizationId, identity.DeviceId, identity.CertificateId);
            await RefuseAsync(context);
            return;
        }

        context.Features.Set(identity);
        db.CurrentOrganizationId = identity.OrganizationId;
        if (stamps.TryStamp(identity.DeviceId, _lastConnectedResolution))
        {
            var now = time.GetUtcNow().UtcDateTime;
            var stale = now - _lastConnectedResolution;
            // Bounded to one write per device per DeviceIdentity:LastConnectedWriteSeconds across nodes, however chatty the device is.
            await db.Devices.Where(d => d.Id == identity.DeviceId && (d.LastConnectedAt == null || d.LastConnectedAt < stale))
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.LastConnectedAt, now), context.RequestAborted);
        }

        await next(context);
    }

    /// <summary>The certificate a trusted TLS-terminating proxy forwarded (URL-encoded PEM, as nginx sends it, or base64 DER); never from anyone else.</summary>
    private X509Certificate2? ForwardedCertificate(HttpContext context, out string? problem)
    {
        problem = null;
        var header = context.Request.Headers[options.Value.ForwardedCertificateHeader].ToString();
        if (header.Length == 0 || context.Connection.RemoteIpAddress is not { } remote || !_trustedProxies.Contains(Normalize(remote)))
        {
            return null;
        }

        var text = Uri.UnescapeDataString(header);
        if (text.Contains("-----BEGIN", StringComparison.Ordinal))
        {
            if (PemCertificates.TryReadOne(text, out var pem, out _))
            {
                return pem;
            }
        }
        else
        {
            try
            {
                return PemCertificates.LoadDer(Convert.FromBase64String(text));
            }
            catch (Exception e) when (e is FormatException or CryptographicException)
            {
                // Reported below as an unreadable forwarded certificate.
            }
        }

        problem = "unreadable_forwarded_certificate";
        return null;
    }

    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private static Task RefuseAsync(HttpContext context) =>
        ProblemWriter.WriteAsync(context, StatusCodes.Status401Unauthorized, ErrorCodes.DeviceUnauthenticated, "Unauthenticated",
            "The client certificate is not registered, revoked, or not trusted for provisioning.");
}
