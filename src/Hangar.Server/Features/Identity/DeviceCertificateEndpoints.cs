using Hangar.Contracts.Common;
using Hangar.Contracts.Devices;
using Hangar.Core.Access;
using Hangar.Core.Resources;
using Hangar.Core.Search;
using Hangar.Data;
using Hangar.Data.Devices;
using Hangar.Data.Tenancy;
using Hangar.Server.Features.Audit;
using Hangar.Server.Features.Devices;
using Hangar.Server.Features.Idempotency;
using Hangar.Server.Hosting.Authentication;
using Hangar.Server.Hosting.Authorization;
using Hangar.Server.Hosting.Database;
using Hangar.Server.Hosting.Lists;
using Hangar.Server.Hosting.Problems;
using Hangar.Server.Hosting.References;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Identity;

internal static class DeviceCertificateEndpoints
{
    private static readonly SearchFields<DeviceCertificate> Search = new SearchFields<DeviceCertificate>()
        .Uuid("device_id", c => c.DeviceId)
        .String("fingerprint", c => c.Fingerprint, SearchOperator.Equals)
        .String("spki_hash", c => c.SpkiHash, SearchOperator.Equals)
        .String("serial", c => c.Serial, SearchOperator.Equals)
        .Enum("status", c => c.Status)
        .Uuid("ca_certificate_id", c => c.CaCertificateId)
        .DateTime("not_before", c => c.NotBefore)
        .DateTime("not_after", c => c.NotAfter)
        .DateTime("created_at", c => c.CreatedAt);

    public static void MapDeviceCertificates(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/device_certificates").WithTags("Device certificates");
        group.MapGet("", ListAsync).Requires(Permission.DeviceCertificateRead).WithSummary("List device certificates")
            .WithDescription("Search fields: device_id, fingerprint, spki_hash, serial, status, ca_certificate_id, not_before, not_after, created_at.");
        group.MapGet("/{id}", GetAsync).Requires(Permission.DeviceCertificateRead).WithSummary("Get a device certificate");
        group.MapPost("", CreateAsync).Requires(Permission.DeviceCertificateManage).Audited("device_certificate.create").Idempotent()
            .WithSummary("Register a device certificate")
            .WithDescription("One PEM certificate: unexpired, not a CA, an ECDSA (P-256 or stronger) or RSA ≥ 2048 key, not signed with MD5 or SHA-1, allowing client authentication (an extended key usage, when present, lists clientAuth), CN equal to the device identifier. A device may have several.");
        group.MapDelete("/{id}", RevokeAsync).Requires(Permission.DeviceCertificateManage).Audited("device_certificate.revoke")
            .WithSummary("Revoke a device certificate").WithDescription("The certificate stops authenticating at once; the record stays, with status revoked.");
    }

    private static Task<Results<Ok<ListResponse<DeviceCertificateResponse>>, ProblemHttpResult>> ListAsync(
        [AsParameters] ListRequest request, HangarDbContext db, CancellationToken cancellationToken) =>
        db.DeviceCertificates.AsNoTracking().ListAsync(request, Search, c => c.Id, c => c.ToResponse(), cancellationToken);

    private static async Task<Results<Ok<DeviceCertificateResponse>, ProblemHttpResult>> GetAsync(
        string id, HttpContext http, HangarDbContext db, CancellationToken cancellationToken)
    {
        var certificate = await FindAsync(id, http, db, cancellationToken);
        return certificate is null ? Problems.NotFound("Device certificate") : TypedResults.Ok(certificate.ToResponse());
    }

    private static async Task<Results<Created<DeviceCertificateResponse>, ProblemHttpResult>> CreateAsync(
        CreateDeviceCertificateRequest request, HttpContext http, HangarDbContext db, AuditScope audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = http.RequireCaller();
        var device = await db.Devices.FindByReferenceAsync(db, ReferenceRules.Device, request.DeviceId, caller.OrganizationId, cancellationToken);
        if (device is null)
        {
            return Problems.Validation("device_id", "must name a device of this organization (id, resource name or identifier).");
        }

        if (!PemCertificates.TryReadOne(request.Certificate, out var certificate, out var pemError))
        {
            return Problems.Create(StatusCodes.Status400BadRequest, ErrorCodes.InvalidCertificate, "Invalid certificate", $"certificate {pemError}");
        }

        using (certificate)
        {
            var now = time.GetUtcNow().UtcDateTime;
            if (DeviceCertificateRules.Refusal(certificate, device.Identifier, now) is { } refusal)
            {
                return Problems.Create(StatusCodes.Status400BadRequest, ErrorCodes.InvalidCertificate, "Invalid certificate", $"The certificate {refusal}");
            }

            var entity = DeviceCertificateRules.ToEntity(certificate, device, null, now);
            if (await db.DeviceCertificates.IgnoreQueryFilters([TenantFilter.Name]).AnyAsync(c => c.Fingerprint == entity.Fingerprint, cancellationToken))
            {
                return AlreadyRegistered();
            }

            db.DeviceCertificates.Add(entity);
            audit.Resource(ResourceTypes.DeviceCertificate, entity.Id);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (UniqueViolation.Is(e))
            {
                return AlreadyRegistered();
            }

            return TypedResults.Created($"/api/v1/device_certificates/{entity.Id}", entity.ToResponse());
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        string id, HttpContext http, HangarDbContext db, AuditScope audit, TimeProvider time, DeviceAuthenticationCache cache, CancellationToken cancellationToken)
    {
        var certificate = await FindAsync(id, http, db, cancellationToken);
        if (certificate is null)
        {
            return Problems.NotFound("Device certificate");
        }

        audit.Resource(ResourceTypes.DeviceCertificate, certificate.Id);
        if (certificate.Status != CertificateStatus.Revoked)
        {
            var now = time.GetUtcNow().UtcDateTime;
            certificate.Status = CertificateStatus.Revoked;
            certificate.RevokedAt = now;
            certificate.UpdatedAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        await cache.EvictAsync([certificate.Fingerprint], cancellationToken);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult AlreadyRegistered() =>
        Problems.Conflict(ErrorCodes.AlreadyExists, "This certificate is already registered.");

    private static async Task<DeviceCertificate?> FindAsync(string id, HttpContext http, HangarDbContext db, CancellationToken cancellationToken)
    {
        return await db.DeviceCertificates.FindByReferenceAsync(db, ReferenceRules.DeviceCertificate, id, http.RequireCaller().OrganizationId, cancellationToken);
    }
}
