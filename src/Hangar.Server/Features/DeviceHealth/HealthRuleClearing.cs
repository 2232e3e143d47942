using Hangar.Core.Events;
using Hangar.Core.Resources;
using Hangar.Data;
using Hangar.Data.DeviceHealth;
using Hangar.Data.Tenancy;
using Hangar.Server.Features.Events;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.DeviceHealth;

/// <summary>
/// What disabling or deleting a rule does to devices, inside the caller's transaction: the rule's failures go, a
/// device failing nothing else is healthy again (<c>device.healthy</c>), and once a product has no enabled rule its
/// devices have no health at all (<c>healthy</c> null). The events are saved with the caller's next save.
/// </summary>
internal static class HealthRuleClearing
{
    public static async Task ClearAsync(HangarDbContext db, EventRecorder events, HealthRule rule, CancellationToken cancellationToken)
    {
        var failures = db.DeviceHealthFailures.IgnoreQueryFilters([TenantFilter.Name]);
        var failing = failures.Where(f => f.RuleId == rule.Id).Select(f => f.DeviceId);
        var healed = await db.Devices.IgnoreQueryFilters([TenantFilter.Name])
            .Where(d => failing.Contains(d.Id) && !failures.Any(f => f.DeviceId == d.Id && f.RuleId != rule.Id))
            .Select(d => new { d.Id, d.Identifier }).ToListAsync(cancellationToken);
        await failures.Where(f => f.RuleId == rule.Id).ExecuteDeleteAsync(cancellationToken);
        foreach (var device in healed)
        {
            events.Record(EventTypes.DeviceHealthy, ResourceTypes.Device, device.Id,
                new DeviceHealthEventData(device.Identifier, rule.ProductId, [], [HealthEventRule.Cleared(rule)]), rule.OrganizationId);
        }

        var ids = healed.Select(d => d.Id).ToList();
        await db.Devices.IgnoreQueryFilters([TenantFilter.Name]).Where(d => ids.Contains(d.Id))
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.Healthy, true), cancellationToken);
    }

    /// <summary>Devices of a product with no enabled rule (besides <paramref name="leaving"/>) have no health.</summary>
    public static async Task ForgetUnlessRulesAsync(HangarDbContext db, Guid productId, Guid leaving, CancellationToken cancellationToken)
    {
        if (!await db.HealthRules.IgnoreQueryFilters([TenantFilter.Name]).AnyAsync(r => r.ProductId == productId && r.Enabled && r.Id != leaving, cancellationToken))
        {
            await db.Devices.IgnoreQueryFilters([TenantFilter.Name]).Where(d => d.ProductId == productId && d.Healthy != null)
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.Healthy, (bool?)null), cancellationToken);
        }
    }
}
