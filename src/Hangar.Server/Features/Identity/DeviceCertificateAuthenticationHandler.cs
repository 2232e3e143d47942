using System.Security.Cryptography.X509Certificates;
using System.Text.Encodings.Web;
using Hangar.Contracts.Common;
using Hangar.Core.Events;
using Hangar.Data;
using Hangar.Data.Tenancy;
using Hangar.Server.Hosting.Listeners;
using Hangar.Server.Hosting.Problems;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Identity;

/// <summary>
/// The <c>DeviceCertificate</c> scheme, the only one of the device listener: the client certificate of the TLS
/// handshake (or the one a trusted proxy forwarded) is a device, or the request is refused. It runs before the rate
/// limiter, which limits devices by the identity found here. Every refusal is logged with its reason (the
/// audit-grade record) and counted; one whose organization is known also becomes a throttled
/// <c>device.authentication_failed</c> event there. The 401 carries no reason, which would only help an attacker probe.
/// </summary>
internal sealed class DeviceCertificateAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> scheme, ILoggerFactory loggers, UrlEncoder encoder, IOptions<DeviceIdentityOptions> options,
    TimeProvider time, ForwardedCertificates forwardedCertificates, DeviceAuthenticationCache cache, AuthenticationFailureRecorder failures,
    LastConnectedStamps stamps, TenantContext tenant, SharedCertificateCheck sharing, CertificateUseRecorder uses,
    DeviceAuthenticationMetrics metrics)
    : AuthenticationHandler<AuthenticationSchemeOptions>(scheme, loggers, encoder)
{
    public const string SchemeName = "DeviceCertificate";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (ListenerGuardMiddleware.ListenerOf(Context) != ListenerKind.Device)
        {
            // A certificate proves a device only where devices connect; nothing on the admin listener asks for one.
            return AuthenticateResult.NoResult();
        }

        var forwarded = forwardedCertificates.Read(Context, out var forwardedProblem);
        if (forwarded is not null)
        {
            Context.Response.RegisterForDispose(forwarded);
        }

        // A forwarded certificate may differ from one request to the next of the proxy's connection; the handshake's never does.
        var connection = forwarded is null ? DeviceConnection.Of(Context) : null;
        var certificate = forwarded ?? connection?.Certificate;
        var clientAddress = connection is not null ? connection.ClientAddress : Context.Connection.RemoteIpAddress?.ToString();
        if (certificate is null)
        {
            return Refuse(forwardedProblem ?? "no_certificate", clientAddress);
        }

        var fingerprint = connection?.Fingerprint ?? CertificateFacts.Fingerprint(certificate);
        var cancellationToken = Context.RequestAborted;
        // A cached device needs nothing from the database: the authenticator, and the request's DbContext it brings,
        // are only made on a miss (a ping would otherwise build a DbContext it never uses).
        DeviceAuthenticationResult? result = null;
        if (!cache.TryGet(fingerprint, out var identity))
        {
            result = await Context.RequestServices.GetRequiredService<DeviceAuthenticator>()
                .AuthenticateAsync(certificate, fingerprint, Context.TraceIdentifier, clientAddress, cancellationToken);
            if (result.Identity is null)
            {
                return await RefuseAsync(result, certificate, fingerprint, clientAddress, cancellationToken);
            }

            identity = result.Identity;
        }

        if (result is { ExpiredInGrace: true })
        {
            var expiredAt = certificate.NotAfter.ToUniversalTime();
            await uses.RecordAsync(EventTypes.DeviceExpiredCertificateUsed, identity, certificate, described => new ExpiredCertificateUsedEventData(
                clientAddress, described, identity.CertificateId, expiredAt, expiredAt.AddDays(options.Value.ExpiredCertificateGraceDays)), cancellationToken);
        }

        if (!await sharing.AllowAsync(identity, certificate, clientAddress, cancellationToken))
        {
            metrics.Refused(SharedCertificateCheck.Refusal);
            Logger.LogWarning("Device authentication failed from {ClientAddress}: {Reason}; organization {OrganizationId}, device {DeviceId}, certificate {CertificateId}",
                clientAddress, SharedCertificateCheck.Refusal, identity.OrganizationId, identity.DeviceId, identity.CertificateId);
            return AuthenticateResult.Fail(SharedCertificateCheck.Refusal);
        }

        tenant.Set(identity.OrganizationId);
        Context.Features.Set(identity);
        await StampLastConnectedAsync(identity, cancellationToken);
        var principal = connection is not null ? connection.PrincipalOf(identity) : DevicePrincipal.Of(identity);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        ProblemWriter.WriteAsync(Context, StatusCodes.Status401Unauthorized, ErrorCodes.DeviceUnauthenticated, "Unauthenticated",
            "The client certificate is not registered, revoked, or not trusted for provisioning.");

    private AuthenticateResult Refuse(string reason, string? clientAddress)
    {
        metrics.Refused(reason);
        Logger.LogWarning("Device authentication failed from {ClientAddress}: {Reason}", clientAddress, reason);
        return AuthenticateResult.Fail(reason);
    }

    private async Task<AuthenticateResult> RefuseAsync(
        DeviceAuthenticationResult result, X509Certificate2 certificate, string fingerprint, string? clientAddress, CancellationToken cancellationToken)
    {
        metrics.Refused(result.Reason!);
        var recorded = await failures.RecordAsync(result, certificate, fingerprint, clientAddress, cancellationToken);
        Logger.LogWarning(
            "Device authentication failed from {ClientAddress}: {Reason}; organization {OrganizationId}, device {DeviceId}, CA {CaCertificateId}, " +
            "subject '{Subject}', issuer '{Issuer}', serial {Serial}, fingerprint {Fingerprint}; event recorded: {EventRecorded}",
            clientAddress, result.Reason, result.OrganizationId, result.DeviceId, result.CaCertificateId,
            certificate.Subject, certificate.Issuer, certificate.SerialNumber, fingerprint, recorded);
        return AuthenticateResult.Fail(result.Reason!);
    }

    private async Task StampLastConnectedAsync(DeviceIdentity identity, CancellationToken cancellationToken)
    {
        var resolution = TimeSpan.FromSeconds(options.Value.LastConnectedWriteSeconds);
        if (stamps.TryStamp(identity.DeviceId, resolution))
        {
            var now = time.GetUtcNow().UtcDateTime;
            var stale = now - resolution;
            // Bounded to one write per device per DeviceIdentity:LastConnectedWriteSeconds across nodes, however chatty the device is.
            var db = Context.RequestServices.GetRequiredService<HangarDbContext>();
            await db.Devices.Where(d => d.Id == identity.DeviceId && (d.LastConnectedAt == null || d.LastConnectedAt < stale))
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.LastConnectedAt, now), cancellationToken);
        }
    }
}
