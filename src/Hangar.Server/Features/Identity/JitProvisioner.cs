using System.Security.Cryptography.X509Certificates;
using Hangar.Core.Events;
using Hangar.Core.Resources;
using Hangar.Data;
using Hangar.Data.Audit;
using Hangar.Data.Devices;
using Hangar.Data.Tenancy;
using Hangar.Server.Features.Devices;
using Hangar.Server.Features.Events;
using Hangar.Server.Hosting.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Identity;

/// <summary>
/// Just-in-time provisioning: an unknown leaf whose signature verifies under an enabled, registered CA with JITP
/// settings becomes a device (identifier = CN) with that certificate, in one transaction. The unique fingerprint
/// makes it happen once: when many first connections race, one insert wins and the others find its row.
/// </summary>
internal sealed class JitProvisioner(
    IServiceScopeFactory scopes, HangarDbContext db, TimeProvider time, IOptions<DeviceIdentityOptions> options, DeviceAuthenticationCache cache)
{
    /// <summary>No registered CA's key signed the certificate (self-signed ones included).</summary>
    public const string UnknownIssuer = "unknown_issuer";

    public async Task<DeviceAuthenticationResult> ProvisionAsync(
        X509Certificate2 leaf, string fingerprint, string requestId, string? clientAddress, CancellationToken cancellationToken)
    {
        var issuer = leaf.Issuer;
        var candidates = await db.CaCertificates.IgnoreQueryFilters([TenantFilter.Name]).AsNoTracking().Where(c => c.Subject == issuer).ToListAsync(cancellationToken);
        CaCertificate? ca = null;
        X509Certificate2? caCertificate = null;
        foreach (var candidate in candidates)
        {
            var parsed = X509Certificate2.CreateFromPem(candidate.Pem);
            if (CertificateFacts.SignedBy(leaf, parsed, acceptSha1: true))
            {
                (ca, caCertificate) = (candidate, parsed);
                break;
            }

            parsed.Dispose();
        }

        if (ca is null || caCertificate is null)
        {
            // No organization: an issuer name anyone can write proves nothing, so nothing is recorded against one.
            return DeviceAuthenticationResult.Refused(CertificateFacts.IsCa(leaf) ? "certificate_is_ca" : UnknownIssuer);
        }

        using (caCertificate)
        {
            var refusal = CertificateFacts.IsCa(leaf) ? "certificate_is_ca"
                : !ca.Enabled ? "ca_disabled"
                : !CertificateFacts.IsTimeValid(caCertificate, time.GetUtcNow().UtcDateTime) ? "ca_expired"
                : !ca.JitpEnabled || ca.JitpProductId is null ? "jitp_disabled"
                : DeviceCertificateStrength.Refusal(leaf)?.Reason ?? LeafTimeRefusal(leaf) ?? ChainRefusal(leaf, caCertificate, ca);
            if (refusal is not null)
            {
                return DeviceAuthenticationResult.Refused(refusal, ca.OrganizationId, null, ca.Id);
            }

            return await CreateAsync(leaf, fingerprint, ca, requestId, clientAddress, cancellationToken);
        }
    }

    /// <summary>A new certificate gets the clock skew allowance at its start but no grace at its end (that is for registered ones).</summary>
    private string? LeafTimeRefusal(X509Certificate2 leaf)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return leaf.NotBefore.ToUniversalTime() > now.AddSeconds(options.Value.ClockSkewSeconds) ? DeviceAuthenticator.CertificateNotYetValid
            : leaf.NotAfter.ToUniversalTime() < now ? DeviceAuthenticator.CertificateExpired
            : null;
    }

    private string? ChainRefusal(X509Certificate2 leaf, X509Certificate2 caCertificate, CaCertificate ca)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var issuers = new List<X509Certificate2> { caCertificate };
        if (ca.ChainPem is not null)
        {
            var collection = new X509Certificate2Collection();
            collection.ImportFromPem(ca.ChainPem);
            issuers.AddRange(collection);
        }

        var roots = issuers.Where(CertificateFacts.IsSelfSigned).ToList();
        using var chain = CertificateChains.Create(roots, issuers.Except(roots), now, requireClientAuth: true);
        // The leaf's validity was checked with the skew allowance above; the issuers' is checked below, without.
        chain.ChainPolicy.VerificationFlags |= X509VerificationFlags.IgnoreNotTimeValid;
        var built = chain.Build(leaf);
        var elements = chain.ChainElements.Select(e => e.Certificate).ToList();
        try
        {
            // Bind to the registered CA itself, not merely to something this root also signed.
            return !built || elements.Count < 2 || !elements[1].RawData.AsSpan().SequenceEqual(caCertificate.RawData)
                || !elements.Skip(1).All(e => CertificateFacts.IsTimeValid(e, now)) ? "chain_invalid"
                : elements.Count > options.Value.MaxChainDepth ? "chain_too_long"
                : DeviceRules.IdentifierRefusal(CertificateFacts.CommonName(leaf)) is not null ? "invalid_common_name"
                : null;
        }
        finally
        {
            elements.ForEach(e => e.Dispose());
            issuers.Skip(1).ToList().ForEach(i => i.Dispose());
        }
    }

    private async Task<DeviceAuthenticationResult> CreateAsync(
        X509Certificate2 leaf, string fingerprint, CaCertificate ca, string requestId, string? clientAddress, CancellationToken cancellationToken)
    {
        var identifier = CertificateFacts.CommonName(leaf)!;
        var now = time.GetUtcNow().UtcDateTime;
        // A fresh scope: a failed insert must not leave tracked rows behind in the request's context, and this unit of
        // work acts in the CA's organization while the request's tenant is not decided until authentication ends.
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(ca.OrganizationId);
        var writer = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
        var existing = await writer.Devices.Where(d => d.Identifier == identifier).Select(d => (Guid?)d.Id).SingleOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            return await WinnerOrAsync(fingerprint, ca, existing, cancellationToken);
        }

        var product = await writer.Products.SingleAsync(p => p.Id == ca.JitpProductId, cancellationToken);
        if (product.Archived)
        {
            return DeviceAuthenticationResult.Refused("jitp_failed", ca.OrganizationId, null, ca.Id);
        }

        var device = DeviceEndpoints.NewDevice(ca.OrganizationId, identifier, product.Id, ca.JitpCohortId, ca.JitpDescription,
            JitpTags.Split(ca.JitpTags), ca.JitpTarget, false, now);
        var certificate = DeviceCertificateRules.ToEntity(leaf, device, ca.Id, now);
        writer.Devices.Add(device);
        writer.DeviceCertificates.Add(certificate);
        writer.AuditEntries.Add(new AuditEntry
        {
            Id = Guid.CreateVersion7(now),
            OrganizationId = ca.OrganizationId,
            Time = now,
            ActorType = "ca_certificate",
            ActorId = ca.Id,
            ActorName = $"jitp {ca.Subject}",
            Action = "device.provision",
            ResourceType = ResourceTypes.Device,
            ResourceId = device.Id,
            Outcome = "success",
            StatusCode = StatusCodes.Status201Created,
            RequestId = requestId,
            ClientAddress = clientAddress,
        });
        var events = scope.ServiceProvider.GetRequiredService<EventRecorder>();
        events.Actor("ca_certificate", ca.Id, $"jitp {ca.Subject}");
        events.Record(EventTypes.DeviceCreated, ResourceTypes.Device, device.Id, DeviceEventData.Of(device, DeviceEventData.FromJitp, ca.Id), ca.OrganizationId);
        try
        {
            await writer.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            return await WinnerOrAsync(fingerprint, ca, null, cancellationToken);
        }

        var identity = new DeviceIdentity(ca.OrganizationId, device.Id, certificate.Id);
        cache.Store(fingerprint, identity, cache.Generation);
        return DeviceAuthenticationResult.Success(identity);
    }

    /// <summary>
    /// Lost a race to a parallel first connection of the same certificate: use the winner's row. Otherwise the CN is
    /// an existing device's identifier and a new certificate for it is not provisioned (<c>multi_cert_jitr_disabled</c>).
    /// </summary>
    private async Task<DeviceAuthenticationResult> WinnerOrAsync(string fingerprint, CaCertificate ca, Guid? deviceId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var reader = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
        var winner = await reader.DeviceCertificates.IgnoreQueryFilters([TenantFilter.Name]).AsNoTracking()
            .Where(c => c.Fingerprint == fingerprint && c.Status == CertificateStatus.Active)
            .Select(c => new { c.Id, c.OrganizationId, c.DeviceId })
            .SingleOrDefaultAsync(cancellationToken);
        return winner is null
            ? DeviceAuthenticationResult.Refused("multi_cert_jitr_disabled", ca.OrganizationId, deviceId, ca.Id)
            : DeviceAuthenticationResult.Success(new DeviceIdentity(winner.OrganizationId, winner.DeviceId, winner.Id));
    }
}
