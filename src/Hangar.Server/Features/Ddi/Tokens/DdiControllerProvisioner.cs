using Hangar.Core.Events;
using Hangar.Core.Resources;
using Hangar.Data;
using Hangar.Data.Audit;
using Hangar.Data.Ddi;
using Hangar.Data.Tenancy;
using Hangar.Server.Features.Devices;
using Hangar.Server.Features.Events;
using Hangar.Server.Hosting.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Ddi.Tokens;

/// <summary>
/// Creates an unknown controller that a valid gateway token polls for, into the product (and cohort) named by
/// <c>Ddi:AutoCreateProduct</c> and <c>Ddi:AutoCreateCohort</c> — off unless the product is set, as a gateway token
/// would otherwise let anyone holding it fill the fleet. Audited (<c>device.provision</c>, the token as actor) and
/// recorded (<c>device.created</c>, source <c>ddi</c>) like a just-in-time provisioned device.
/// </summary>
internal sealed class DdiControllerProvisioner(IServiceScopeFactory scopes, TimeProvider time, IOptions<DdiOptions> options, IHttpContextAccessor http)
{
    public const string Source = "ddi";

    /// <summary>The actor of the audit entry and event: a gateway token (actor types hold at most 16 characters).</summary>
    private const string ActorType = "gateway_token";

    public async Task<Guid?> CreateAsync(DdiGatewayToken token, string identifier, CancellationToken cancellationToken)
    {
        if (options.Value.AutoCreateProduct is not { } productName || DeviceRules.IdentifierRefusal(identifier) is not null)
        {
            return null;
        }

        // A fresh scope acting in the token's organization: the request's tenant is not decided until authentication ends.
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(token.OrganizationId);
        var writer = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
        var product = await writer.Products.AsNoTracking().Where(p => p.Name == productName && !p.Archived).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(cancellationToken);
        var cohortName = options.Value.AutoCreateCohort;
        var cohort = cohortName is null ? null
            : await writer.Cohorts.AsNoTracking().Where(c => c.ProductId == product && c.Name == cohortName).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(cancellationToken);
        if (product is null || (cohortName is not null && cohort is null))
        {
            return null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var device = DeviceEndpoints.NewDevice(token.OrganizationId, identifier, product.Value, cohort, null, null, null, false, now);
        writer.Devices.Add(device);
        var actorName = $"ddi gateway token {token.Name}";
        writer.AuditEntries.Add(new AuditEntry
        {
            Id = Guid.CreateVersion7(now),
            OrganizationId = token.OrganizationId,
            Time = now,
            ActorType = ActorType,
            ActorId = token.Id,
            ActorName = actorName,
            Action = "device.provision",
            ResourceType = ResourceTypes.Device,
            ResourceId = device.Id,
            Outcome = "success",
            StatusCode = StatusCodes.Status201Created,
            RequestId = http.HttpContext?.TraceIdentifier ?? "",
            ClientAddress = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
        });
        var events = scope.ServiceProvider.GetRequiredService<EventRecorder>();
        events.Actor(ActorType, token.Id, actorName);
        events.Record(EventTypes.DeviceCreated, ResourceTypes.Device, device.Id, DeviceEventData.Of(device, Source), token.OrganizationId);
        try
        {
            await writer.SaveChangesAsync(cancellationToken);
            return device.Id;
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // A parallel first poll of the same controller created it: use that one.
            return await writer.Devices.AsNoTracking().Where(d => d.Identifier == identifier).Select(d => (Guid?)d.Id).SingleOrDefaultAsync(cancellationToken);
        }
    }
}
