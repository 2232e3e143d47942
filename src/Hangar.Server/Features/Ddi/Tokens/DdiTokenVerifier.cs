using Hangar.Core.Resources;
using Hangar.Data;
using Hangar.Data.Tenancy;
using Hangar.Server.Features.Identity;
using Hangar.Server.Hosting.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Ddi.Tokens;

/// <summary>
/// Checks a DDI token against the path's tenant (the organization's name, any case, or its id) and controller id (the
/// device identifier), in indexed queries on the token's digest. A gateway token names no device: the controller id
/// does, and an unknown one is created when <c>Ddi:AutoCreateProduct</c> is set. A proved device's
/// <c>last_connected_at</c> is stamped as for a certificate, and the token's last use once a minute.
/// </summary>
internal sealed class DdiTokenVerifier(
    HangarDbContext db, TimeProvider time, LastConnectedStamps stamps, IOptions<DeviceIdentityOptions> identityOptions, DdiControllerProvisioner provisioner)
{
    private static readonly TimeSpan LastUsedGranularity = TimeSpan.FromMinutes(1);

    public async Task<DdiTokenVerdict> VerifyAsync(string scheme, string token, string tenant, string controllerId, CancellationToken cancellationToken)
    {
        var hash = SecretTokens.Hash(token);
        var organizationId = await TenantAsync(tenant, cancellationToken);
        var verdict = scheme == DdiTokens.TargetScheme
            ? await TargetAsync(hash, organizationId, controllerId, cancellationToken)
            : await GatewayAsync(hash, organizationId, controllerId, cancellationToken);
        if (verdict.Identity is { } identity)
        {
            await StampLastConnectedAsync(identity.DeviceId, cancellationToken);
        }

        return verdict;
    }

    private async Task<Guid?> TenantAsync(string tenant, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(tenant, out var id))
        {
            return await db.Organizations.AsNoTracking().Where(o => o.Id == id).Select(o => (Guid?)o.Id).SingleOrDefaultAsync(cancellationToken);
        }

        var lower = tenant.ToLowerInvariant();
        // lower() in SQL on both providers; the analyzer's string.Equals with a comparison type has no translation.
#pragma warning disable CA1862
        return await db.Organizations.AsNoTracking().Where(o => o.Name.ToLower() == lower).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(cancellationToken);
#pragma warning restore CA1862
    }

    private async Task<DdiTokenVerdict> TargetAsync(byte[] hash, Guid? organizationId, string controllerId, CancellationToken cancellationToken)
    {
        var found = await db.DdiTargets.IgnoreQueryFilters([TenantFilter.Name]).AsNoTracking().Where(t => t.TokenHash == hash)
            .Join(db.Devices.IgnoreQueryFilters([TenantFilter.Name]), t => t.DeviceId, d => d.Id, (t, d) => new { t.DeviceId, t.OrganizationId, d.Identifier, t.TokenLastUsedAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return DdiTokenVerdict.Refused("unknown_token");
        }

        if (found.OrganizationId != organizationId || !string.Equals(found.Identifier, controllerId, StringComparison.Ordinal))
        {
            return DdiTokenVerdict.RefusedOwn("token_of_another_controller", found.OrganizationId, ResourceTypes.Device, found.DeviceId);
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (found.TokenLastUsedAt is null || now - found.TokenLastUsedAt > LastUsedGranularity)
        {
            await db.DdiTargets.IgnoreQueryFilters([TenantFilter.Name]).Where(t => t.DeviceId == found.DeviceId)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.TokenLastUsedAt, now), cancellationToken);
        }

        return DdiTokenVerdict.Proved(new DeviceIdentity(found.OrganizationId, found.DeviceId, found.DeviceId), found.DeviceId);
    }

    private async Task<DdiTokenVerdict> GatewayAsync(byte[] hash, Guid? organizationId, string controllerId, CancellationToken cancellationToken)
    {
        var found = await db.DdiGatewayTokens.IgnoreQueryFilters([TenantFilter.Name]).AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        if (found is null)
        {
            return DdiTokenVerdict.Refused("unknown_token");
        }

        if (found.RevokedAt is not null)
        {
            return DdiTokenVerdict.RefusedOwn("revoked", found.OrganizationId, ResourceTypes.DdiGatewayToken, found.Id);
        }

        if (found.OrganizationId != organizationId)
        {
            return DdiTokenVerdict.RefusedOwn("token_of_another_tenant", found.OrganizationId, ResourceTypes.DdiGatewayToken, found.Id);
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (found.LastUsedAt is null || now - found.LastUsedAt > LastUsedGranularity)
        {
            await db.DdiGatewayTokens.IgnoreQueryFilters([TenantFilter.Name]).Where(t => t.Id == found.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), cancellationToken);
        }

        var deviceId = await db.Devices.IgnoreQueryFilters([TenantFilter.Name]).AsNoTracking()
            .Where(d => d.OrganizationId == found.OrganizationId && d.Identifier == controllerId).Select(d => (Guid?)d.Id).SingleOrDefaultAsync(cancellationToken)
            ?? await provisioner.CreateAsync(found, controllerId, cancellationToken);
        return deviceId is { } id
            ? DdiTokenVerdict.Proved(new DeviceIdentity(found.OrganizationId, id, found.Id), found.Id)
            : DdiTokenVerdict.Refused("unknown_controller");
    }

    private async Task StampLastConnectedAsync(Guid deviceId, CancellationToken cancellationToken)
    {
        var resolution = TimeSpan.FromSeconds(identityOptions.Value.LastConnectedWriteSeconds);
        if (stamps.TryStamp(deviceId, resolution))
        {
            var now = time.GetUtcNow().UtcDateTime;
            var stale = now - resolution;
            await db.Devices.IgnoreQueryFilters([TenantFilter.Name]).Where(d => d.Id == deviceId && (d.LastConnectedAt == null || d.LastConnectedAt < stale))
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.LastConnectedAt, now), cancellationToken);
        }
    }
}
