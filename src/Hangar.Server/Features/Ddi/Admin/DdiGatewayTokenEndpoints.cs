using Hangar.Contracts.Common;
using Hangar.Contracts.Ddi;
using Hangar.Core.Access;
using Hangar.Core.Resources;
using Hangar.Data;
using Hangar.Data.Ddi;
using Hangar.Server.Features.Audit;
using Hangar.Server.Features.Ddi.Tokens;
using Hangar.Server.Features.Idempotency;
using Hangar.Server.Hosting.Authentication;
using Hangar.Server.Hosting.Authorization;
using Hangar.Server.Hosting.Http;
using Hangar.Server.Hosting.Lists;
using Hangar.Server.Hosting.Problems;
using Hangar.Server.Hosting.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Ddi.Admin;

/// <summary>
/// <c>/api/v1/ddi_gateway_tokens</c>: an organization's hawkBit gateway tokens. One acts for any device of the
/// organization (and may create unknown ones when <c>Ddi:AutoCreateProduct</c> is set), so they take the
/// CA-certificate permissions, which guard the other way of creating devices on their own (JITP).
/// </summary>
internal static class DdiGatewayTokenEndpoints
{
    private static readonly SearchFields<DdiGatewayToken> Search = new SearchFields<DdiGatewayToken>()
        .String("name", t => t.Name)
        .Uuid("created_by", t => t.CreatedBy)
        .Boolean("revoked", t => t.RevokedAt != null)
        .DateTime("created_at", t => t.CreatedAt);

    public static void MapDdiGatewayTokens(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/ddi_gateway_tokens").WithTags("hawkBit DDI");
        group.MapGet("", ListAsync).Requires(Permission.CaCertificateRead)
            .WithSummary("List hawkBit gateway tokens").WithDescription("Search fields: name, created_by, revoked, created_at.");
        group.MapPost("", CreateAsync).Requires(Permission.CaCertificateManage).Audited("ddi_gateway_token.create").Idempotent().CarriesSecret()
            .WithSummary("Create a hawkBit gateway token").WithDescription("The token is in the response only; store it now.");
        group.MapDelete("/{id:guid}", RevokeAsync).Requires(Permission.CaCertificateManage).Audited("ddi_gateway_token.revoke")
            .WithSummary("Revoke a hawkBit gateway token").WithDescription("The token stops working at once; its record stays for the audit trail.");
    }

    private static Task<Results<Ok<ListResponse<DdiGatewayTokenResponse>>, ProblemHttpResult>> ListAsync(
        [AsParameters] ListRequest request, HangarDbContext db, CancellationToken cancellationToken) =>
        db.DdiGatewayTokens.AsNoTracking().ListAsync(request, Search, t => t.Id, t => ToResponse(t), cancellationToken);

    private static async Task<Results<Created<DdiGatewayTokenCreatedResponse>, ProblemHttpResult>> CreateAsync(
        CreateDdiGatewayTokenRequest request, HttpContext http, HangarDbContext db, AuditScope audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = http.RequireCaller();
        var validator = new RequestValidator().Text("name", request.Name, max: 100);
        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        var now = time.GetUtcNow().UtcDateTime;
        var secret = DdiTokens.NewGatewayToken();
        var token = new DdiGatewayToken
        {
            Id = Guid.CreateVersion7(now),
            OrganizationId = caller.OrganizationId,
            Name = request.Name.Trim(),
            TokenHash = SecretTokens.Hash(secret),
            CreatedBy = caller.UserId,
            CreatedAt = now,
        };
        db.DdiGatewayTokens.Add(token);
        audit.Resource(ResourceTypes.DdiGatewayToken, token.Id);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/ddi_gateway_tokens/{token.Id}", new DdiGatewayTokenCreatedResponse(ToResponse(token), secret));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        Guid id, HangarDbContext db, AuditScope audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var token = await db.DdiGatewayTokens.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (token is null)
        {
            return Problems.NotFound("Gateway token");
        }

        audit.Resource(ResourceTypes.DdiGatewayToken, token.Id);
        if (token.RevokedAt is null)
        {
            token.RevokedAt = time.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.NoContent();
    }

    private static DdiGatewayTokenResponse ToResponse(DdiGatewayToken token) =>
        new(token.Id, token.Name, token.CreatedBy, token.CreatedAt, token.RevokedAt, token.LastUsedAt);
}
