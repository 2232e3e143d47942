using Hangar.Contracts.Common;
using Hangar.Contracts.Devices;
using Hangar.Core.Access;
using Hangar.Core.Resources;
using Hangar.Core.Search;
using Hangar.Data;
using Hangar.Data.Devices;
using Hangar.Server.Features.Audit;
using Hangar.Server.Features.Devices;
using Hangar.Server.Features.Idempotency;
using Hangar.Server.Hosting.Authentication;
using Hangar.Server.Hosting.Authorization;
using Hangar.Server.Hosting.Lists;
using Hangar.Server.Hosting.Problems;
using Hangar.Server.Hosting.References;
using Hangar.Server.Hosting.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Identity;

internal static class CaCertificateEndpoints
{
    private static readonly SearchFields<CaCertificate> Search = new SearchFields<CaCertificate>()
        .String("description", c => c.Description)
        .String("subject", c => c.Subject)
        .String("fingerprint", c => c.Fingerprint, SearchOperator.Equals)
        .String("serial", c => c.Serial, SearchOperator.Equals)
        .Boolean("enabled", c => c.Enabled)
        .Boolean("jitp", c => c.JitpEnabled)
        .DateTime("not_after", c => c.NotAfter)
        .DateTime("created_at", c => c.CreatedAt);

    public static void MapCaCertificates(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/ca_certificates").WithTags("CA certificates");
        group.MapGet("", ListAsync).Requires(Permission.CaCertificateRead).WithSummary("List CA certificates")
            .WithDescription("Search fields: description, subject, fingerprint, serial, enabled, jitp, not_after, created_at.");
        group.MapGet("/{id}", GetAsync).Requires(Permission.CaCertificateRead).WithSummary("Get a CA certificate");
        group.MapPost("/verification_codes", CreateCodeAsync).Requires(Permission.CaCertificateManage).Audited("ca_verification_code.create")
            .WithSummary("Create a verification code")
            .WithDescription("A random, single-use code, valid for a limited time (default 60 minutes): the CN of the verification certificate the CA's key must sign.");
        group.MapPost("", CaRegistrationEndpoint.RegisterAsync).Requires(Permission.CaCertificateManage).Audited("ca_certificate.register").Idempotent()
            .WithSummary("Register a CA certificate by proof of possession")
            .WithDescription("The CA must be a signing CA within its validity; an intermediate needs `chain` up to a self-signed root; the verification certificate must carry an unused code of this organization as CN and be signed by the CA. A failed attempt does not use up the code.");
        group.MapPatch("/{id}", UpdateAsync).Requires(Permission.CaCertificateManage).Audited("ca_certificate.update")
            .WithSummary("Change a CA certificate").WithDescription("Description, enabled, jitp (replaces the settings) or disable_jitp. A disabled CA provisions no new devices; devices it provisioned keep their certificates.");
        group.MapDelete("/{id}", DeleteAsync).Requires(Permission.CaCertificateManage).Audited("ca_certificate.delete")
            .WithSummary("Delete a CA certificate").WithDescription("Device certificates it signed stay registered and keep working until revoked.");
    }

    private static Task<Results<Ok<ListResponse<CaCertificateResponse>>, ProblemHttpResult>> ListAsync(
        [AsParameters] ListRequest request, HangarDbContext db, CancellationToken cancellationToken) =>
        db.CaCertificates.AsNoTracking().ListAsync(request, Search, c => c.Id, c => c.ToResponse(), cancellationToken);

    private static async Task<Results<Ok<CaCertificateResponse>, ProblemHttpResult>> GetAsync(
        string id, HttpContext http, HangarDbContext db, CancellationToken cancellationToken)
    {
        var ca = await FindAsync(id, http, db, cancellationToken);
        return ca is null ? Problems.NotFound("CA certificate") : TypedResults.Ok(ca.ToResponse());
    }

    private static async Task<Results<Created<VerificationCodeResponse>, ProblemHttpResult>> CreateCodeAsync(
        HttpContext http, HangarDbContext db, AuditScope audit, TimeProvider time, IOptions<DeviceIdentityOptions> options, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var code = VerificationCodes.New();
        var entity = new CaVerificationCode
        {
            Id = Guid.CreateVersion7(now),
            OrganizationId = http.RequireCaller().OrganizationId,
            CodeHash = VerificationCodes.Hash(code),
            ExpiresAt = now.AddMinutes(options.Value.VerificationCodeLifetimeMinutes),
            CreatedAt = now,
        };
        db.CaVerificationCodes.Add(entity);
        audit.Resource(ResourceTypes.CaVerificationCode, entity.Id);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created((string?)null, new VerificationCodeResponse(code, entity.ExpiresAt));
    }

    private static async Task<Results<Ok<CaCertificateResponse>, ProblemHttpResult>> UpdateAsync(
        string id, UpdateCaCertificateRequest request, HttpContext http, HangarDbContext db, AuditScope audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var validator = new RequestValidator().Text("description", request.Description, max: 256, min: 0, required: false);
        if (request.Jitp is not null && request.DisableJitp == true)
        {
            validator.Add("jitp", "give either jitp or disable_jitp, not both.");
        }

        var ca = await FindAsync(id, http, db, cancellationToken);
        if (ca is null)
        {
            return Problems.NotFound("CA certificate");
        }

        var resolved = request.Jitp is null ? null : await JitpSettings.ResolveAsync(db, request.Jitp, ca.OrganizationId, validator, cancellationToken);
        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        audit.Resource(ResourceTypes.CaCertificate, ca.Id);
        ca.Description = request.Description is null ? ca.Description : FleetText.Optional(request.Description);
        ca.Enabled = request.Enabled ?? ca.Enabled;
        if (request.Jitp is not null || request.DisableJitp == true)
        {
            JitpSettings.Apply(ca, request.Jitp, resolved);
        }

        ca.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ca.ToResponse());
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string id, HttpContext http, HangarDbContext db, AuditScope audit, CancellationToken cancellationToken)
    {
        var ca = await FindAsync(id, http, db, cancellationToken);
        if (ca is null)
        {
            return Problems.NotFound("CA certificate");
        }

        audit.Resource(ResourceTypes.CaCertificate, ca.Id);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.DeviceCertificates.Where(c => c.CaCertificateId == ca.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.CaCertificateId, (Guid?)null), cancellationToken);
        db.CaCertificates.Remove(ca);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<CaCertificate?> FindAsync(string id, HttpContext http, HangarDbContext db, CancellationToken cancellationToken)
    {
        return await db.CaCertificates.FindByReferenceAsync(db, ReferenceRules.CaCertificate, id, http.RequireCaller().OrganizationId, cancellationToken);
    }
}
