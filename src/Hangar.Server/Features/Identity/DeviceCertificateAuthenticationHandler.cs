using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Hangar.Contracts.Common;
using Hangar.Core.Events;
using Hangar.Data;
using Hangar.Data.Tenancy;
using Hangar.Server.Hosting.Authentication;
using Hangar.Server.Hosting.Listeners;
using Hangar.Server.Hosting.Problems;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Connections.Features;
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
    TimeProvider time, ForwardedCertificates forwardedCertificates, DeviceAuthenticator authenticator, AuthenticationFailureRecorder failures,
    LastConnectedStamps stamps, HangarDbContext db, TenantContext tenant, SharedCertificateCheck sharing, CertificateUseRecorder uses,
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

        var clientAddress = Context.Connection.RemoteIpAddress?.ToString();
        var forwarded = forwardedCertificates.Read(Context, out var forwardedProblem);
        if (forwarded is not null)
        {
            Context.Response.RegisterForDispose(forwarded);
        }

        var certificate = forwarded ?? Context.Connection.ClientCertificate;
        if (forwarded is null && certificate is not null && Context.Features.Get<IConnectionItemsFeature>() is { } connection)
        {
            connection.Items[ConnectionItems.ClientCertificate] = certificate;
        }

        if (certificate is null)
        {
            return Refuse(forwardedProblem ?? "no_certificate", clientAddress);
        }

        var cancellationToken = Context.RequestAborted;
        var result = await authenticator.AuthenticateAsync(certificate, Context.TraceIdentifier, clientAddress, cancellationToken);
        if (result.Identity is not { } identity)
        {
            metrics.Refused(result.Reason!);
            var fingerprint = CertificateFacts.Fingerprint(certificate);
            var recorded = await failures.RecordAsync(result, certificate, fingerprint, clientAddress, cancellationToken);
            Logger.LogWarning(
                "Device authentication failed from {ClientAddress}: {Reason}; organization {OrganizationId}, device {DeviceId}, CA {CaCertificateId}, " +
                "subject '{Subject}', issuer '{Issuer}', serial {Serial}, fingerprint {Fingerprint}; event recorded: {EventRecorded}",
                clientAddress, result.Reason, result.OrganizationId, result.DeviceId, result.CaCertificateId,
                certificate.Subject, certificate.Issuer, certificate.SerialNumber, fingerprint, recorded);
            return AuthenticateResult.Fail(result.Reason!);
        }

        if (result.ExpiredInGrace)
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
        return AuthenticateResult.Success(new AuthenticationTicket(Principal(identity), SchemeName));
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

    private async Task StampLastConnectedAsync(DeviceIdentity identity, CancellationToken cancellationToken)
    {
        var resolution = TimeSpan.FromSeconds(options.Value.LastConnectedWriteSeconds);
        if (stamps.TryStamp(identity.DeviceId, resolution))
        {
            var now = time.GetUtcNow().UtcDateTime;
            var stale = now - resolution;
            // Bounded to one write per device per DeviceIdentity:LastConnectedWriteSeconds across nodes, however chatty the device is.
            await db.Devices.Where(d => d.Id == identity.DeviceId && (d.LastConnectedAt == null || d.LastConnectedAt < stale))
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.LastConnectedAt, now), cancellationToken);
        }
    }

    private static ClaimsPrincipal Principal(DeviceIdentity identity) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, identity.DeviceId.ToString()),
        new Claim(HangarClaims.Device, identity.DeviceId.ToString()),
        new Claim(HangarClaims.Organization, identity.OrganizationId.ToString()),
        new Claim(HangarClaims.Credential, identity.CertificateId.ToString("N", CultureInfo.InvariantCulture)),
    ], SchemeName));
}
