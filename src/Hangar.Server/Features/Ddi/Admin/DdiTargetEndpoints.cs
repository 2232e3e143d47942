using System.Text.Json;
using Hangar.Contracts.Ddi;
using Hangar.Core.Access;
using Hangar.Core.Resources;
using Hangar.Data;
using Hangar.Data.Ddi;
using Hangar.Data.Devices;
using Hangar.Server.Features.Audit;
using Hangar.Server.Features.Ddi.Tokens;
using Hangar.Server.Hosting.Authentication;
using Hangar.Server.Hosting.Authorization;
using Hangar.Server.Hosting.Http;
using Hangar.Server.Hosting.Problems;
using Hangar.Server.Hosting.References;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Ddi.Admin;

/// <summary>
/// A device as a hawkBit target, under <c>/api/v1/devices/{id}/ddi</c>: its configData attributes and target-token
/// state, a new target token (shown once; it replaces any earlier one), revoking it, and asking the client for its
/// attributes again. A target token proves the device as a certificate does, so it takes the device-certificate permissions.
/// </summary>
internal static class DdiTargetEndpoints
{
    public static void MapDdiTargets(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/devices/{id}/ddi").WithTags("hawkBit DDI");
        group.MapGet("", GetAsync).Requires(Permission.DeviceRead).WithSummary("Get a device's hawkBit DDI state")
            .WithDescription("Whether it has a target token (never the token), and the attributes its client sent through configData.");
        group.MapPost("/target_token", CreateTokenAsync).Requires(Permission.DeviceCertificateManage).Audited("ddi.target_token.create").CarriesSecret()
            .WithSummary("Create a device's target token")
            .WithDescription("The token is in the response only; it replaces the device's earlier token, which stops working at once.");
        group.MapDelete("/target_token", RevokeTokenAsync).Requires(Permission.DeviceCertificateManage).Audited("ddi.target_token.revoke")
            .WithSummary("Revoke a device's target token").WithDescription("The token stops working at once.");
        group.MapPost("/request_attributes", RequestAttributesAsync).Requires(Permission.DeviceManage).Audited("ddi.attributes.request")
            .WithSummary("Ask a device's DDI client for its attributes").WithDescription("The next poll links configData, until the client sends them.");
    }

    private static async Task<Results<Ok<DdiTargetResponse>, ProblemHttpResult>> GetAsync(string id, HttpContext http, HangarDbContext db, CancellationToken cancellationToken)
    {
        var device = await FindAsync(id, http, db, cancellationToken);
        if (device is null)
        {
            return Problems.NotFound("Device");
        }

        var target = await db.DdiTargets.AsNoTracking().SingleOrDefaultAsync(t => t.DeviceId == device.Id, cancellationToken);
        return TypedResults.Ok(ToResponse(device.Id, target));
    }

    private static async Task<Results<Created<DdiTargetTokenCreatedResponse>, ProblemHttpResult>> CreateTokenAsync(
        string id, HttpContext http, HangarDbContext db, AuditScope audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var device = await FindAsync(id, http, db, cancellationToken);
        if (device is null)
        {
            return Problems.NotFound("Device");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var token = DdiTokens.NewTargetToken();
        var target = await TargetAsync(db, device, cancellationToken);
        target.TokenHash = SecretTokens.Hash(token);
        target.TokenCreatedAt = now;
        target.TokenLastUsedAt = null;
        audit.Resource(ResourceTypes.Device, device.Id);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/devices/{device.Id}/ddi", new DdiTargetTokenCreatedResponse(device.Id, token, now));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeTokenAsync(string id, HttpContext http, HangarDbContext db, AuditScope audit, CancellationToken cancellationToken)
    {
        var device = await FindAsync(id, http, db, cancellationToken);
        if (device is null)
        {
            return Problems.NotFound("Device");
        }

        audit.Resource(ResourceTypes.Device, device.Id);
        var target = await db.DdiTargets.SingleOrDefaultAsync(t => t.DeviceId == device.Id, cancellationToken);
        if (target is { TokenHash: not null })
        {
            target.TokenHash = null;
            target.TokenCreatedAt = null;
            target.TokenLastUsedAt = null;
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RequestAttributesAsync(
        string id, HttpContext http, HangarDbContext db, AuditScope audit, CancellationToken cancellationToken)
    {
        var device = await FindAsync(id, http, db, cancellationToken);
        if (device is null)
        {
            return Problems.NotFound("Device");
        }

        audit.Resource(ResourceTypes.Device, device.Id);
        (await TargetAsync(db, device, cancellationToken)).AttributesRequested = true;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<DdiTarget> TargetAsync(HangarDbContext db, Device device, CancellationToken cancellationToken)
    {
        var target = await db.DdiTargets.SingleOrDefaultAsync(t => t.DeviceId == device.Id, cancellationToken);
        if (target is null)
        {
            target = new DdiTarget { DeviceId = device.Id, OrganizationId = device.OrganizationId };
            db.DdiTargets.Add(target);
        }

        return target;
    }

    private static DdiTargetResponse ToResponse(Guid deviceId, DdiTarget? target) => new(
        deviceId,
        target?.TokenHash is not null,
        target?.TokenCreatedAt,
        target?.TokenLastUsedAt,
        target?.Attributes is { } json ? JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [] : new Dictionary<string, string>(),
        target?.AttributesUpdatedAt,
        target?.AttributesRequested ?? false);

    private static Task<Device?> FindAsync(string id, HttpContext http, HangarDbContext db, CancellationToken cancellationToken) =>
        db.Devices.FindByReferenceAsync(db, ReferenceRules.Device, id, http.RequireCaller().OrganizationId, cancellationToken);
}
