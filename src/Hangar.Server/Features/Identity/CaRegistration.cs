using System.Security.Cryptography.X509Certificates;
using Hangar.Contracts.Devices;
using Hangar.Core.Events;
using Hangar.Core.Resources;
using Hangar.Data;
using Hangar.Data.Devices;
using Hangar.Data.Tenancy;
using Hangar.Server.Features.Audit;
using Hangar.Server.Features.Devices;
using Hangar.Server.Features.Events;
using Hangar.Server.Hosting.Database;
using Hangar.Server.Hosting.Validation;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Identity;

/// <summary>
/// Registers a CA by proof of possession. Everything is checked before the code is touched, and the code is
/// consumed in the same transaction as the CA row, so a failed attempt never uses up a code and a code is never
/// used twice. It returns what happened (<see cref="CaRegistrationOutcome"/>); <see cref="CaRegistrationEndpoint"/>
/// answers it over HTTP.
/// </summary>
internal static class CaRegistration
{
    public const int MaxChainCertificates = 8;

    public static async Task<CaRegistrationOutcome> RegisterAsync(
        CreateCaCertificateRequest request, Guid organizationId, HangarDbContext db, AuditScope audit, EventRecorder events, DateTime now, int maxChainDepth,
        CancellationToken cancellationToken)
    {
        if (!PemCertificates.TryReadOne(request.Certificate, out var ca, out var caError))
        {
            return Invalid($"certificate {caError}");
        }

        if (!PemCertificates.TryReadOne(request.VerificationCertificate, out var verification, out var verificationError))
        {
            return Invalid($"verification_certificate {verificationError}");
        }

        var chain = new List<X509Certificate2>();
        if (!string.IsNullOrWhiteSpace(request.Chain) && !PemCertificates.TryReadMany(request.Chain, MaxChainCertificates, out chain, out var chainError))
        {
            return Invalid($"chain {chainError}");
        }

        if (CaCertificateChecks.CaRefusal(ca, now) is { } caRefusal)
        {
            return Invalid($"certificate {caRefusal}");
        }

        if (CaCertificateChecks.ChainRefusal(ca, chain, maxChainDepth, now) is { } chainRefusal)
        {
            return Invalid($"chain {chainRefusal}");
        }

        if (!CertificateFacts.SignedBy(verification, ca))
        {
            return Invalid("verification_certificate is not signed by the CA's key.");
        }

        if (!CertificateFacts.IsTimeValid(verification, now))
        {
            return Invalid("verification_certificate is outside its validity.");
        }

        var validator = new RequestValidator().Text("description", request.Description, max: 256, min: 0, required: false);
        var jitp = request.Jitp is null ? null : await JitpSettings.ResolveAsync(db, request.Jitp, organizationId, validator, cancellationToken);
        if (!validator.IsValid)
        {
            return new CaRegistrationOutcome.InvalidFields(validator.Errors());
        }

        var commonName = CertificateFacts.CommonName(verification);
        var codeHash = commonName is null ? "" : VerificationCodes.Hash(commonName);
        var code = await db.CaVerificationCodes.SingleOrDefaultAsync(c => c.CodeHash == codeHash, cancellationToken);
        if (code is null || code.UsedAt is not null || code.ExpiresAt <= now)
        {
            return new CaRegistrationOutcome.InvalidVerificationCode(
                "The verification certificate's CN is not an unused, unexpired verification code of this organization; create one with POST /api/v1/ca_certificates/verification_codes.");
        }

        var spkiHash = CertificateFacts.SpkiHash(ca);
        if (await db.CaCertificates.IgnoreQueryFilters([TenantFilter.Name]).AnyAsync(c => c.SpkiHash == spkiHash, cancellationToken))
        {
            return new CaRegistrationOutcome.AlreadyRegistered();
        }

        var entity = ToEntity(ca, chain, organizationId, request.Description, now);
        JitpSettings.Apply(entity, request.Jitp, jitp);
        audit.Resource(ResourceTypes.CaCertificate, entity.Id);
        events.Record(EventTypes.CaCertificateRegistered, ResourceTypes.CaCertificate, entity.Id, new CaCertificateRegisteredEventData(entity.Subject, entity.Fingerprint, entity.JitpEnabled));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var consumed = await db.CaVerificationCodes.Where(c => c.Id == code.Id && c.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now), cancellationToken);
        if (consumed == 0)
        {
            return new CaRegistrationOutcome.InvalidVerificationCode("The verification code was used meanwhile.");
        }

        db.CaCertificates.Add(entity);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            return new CaRegistrationOutcome.AlreadyRegistered();
        }

        await transaction.CommitAsync(cancellationToken);
        return new CaRegistrationOutcome.Registered(entity);
    }

    private static CaCertificate ToEntity(X509Certificate2 ca, List<X509Certificate2> chain, Guid organizationId, string? description, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(now),
        OrganizationId = organizationId,
        Fingerprint = CertificateFacts.Fingerprint(ca),
        SpkiHash = CertificateFacts.SpkiHash(ca),
        Serial = CertificateFacts.Serial(ca),
        Subject = ca.Subject,
        Issuer = ca.Issuer,
        NotBefore = ca.NotBefore.ToUniversalTime(),
        NotAfter = ca.NotAfter.ToUniversalTime(),
        Pem = CertificateFacts.Pem(ca),
        ChainPem = chain.Count == 0 ? null : string.Concat(chain.Select(c => CertificateFacts.Pem(c) + "\n")),
        Description = FleetText.Optional(description),
        Enabled = true,
        CreatedAt = now,
        UpdatedAt = now,
    };

    private static CaRegistrationOutcome.InvalidCertificate Invalid(string detail) => new(detail);
}
