using Hangar.Core.Events;
using Hangar.Core.Resources;
using Hangar.Data;
using Hangar.Data.DeviceHealth;
using Hangar.Data.Tenancy;
using Hangar.Server.Features.Events;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.DeviceHealth;

/// <summary>
/// Writes one product's evaluation: the failures that began, changed value or ended, <c>device.unhealthy</c> for each
/// device that went from failing nothing to failing something and <c>device.healthy</c> for the reverse (never an event
/// for a device whose state did not change), and the devices' <c>healthy</c> column — all in one transaction.
/// A quarantined device is not evaluated: its failures go without an event and its <c>healthy</c> is null.
/// </summary>
internal static class HealthTransitions
{
    public static async Task ApplyAsync(
        HangarDbContext db, EventRecorder events, Guid productId, IReadOnlyList<HealthRule> rules, Dictionary<(Guid DeviceId, Guid RuleId), double?> failing,
        DateTime now, CancellationToken cancellationToken)
    {
        var byId = rules.ToDictionary(r => r.Id);
        var devices = db.Devices.IgnoreQueryFilters([TenantFilter.Name]);
        var existing = await (
            from f in db.DeviceHealthFailures.IgnoreQueryFilters([TenantFilter.Name])
            join r in db.HealthRules.IgnoreQueryFilters([TenantFilter.Name]) on f.RuleId equals r.Id
            join d in devices on f.DeviceId equals d.Id
            where r.ProductId == productId
            select new { Failure = f, d.Quarantined }).ToListAsync(cancellationToken);

        var before = existing.GroupBy(e => e.Failure.DeviceId).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var entry in existing)
        {
            if (!failing.TryGetValue((entry.Failure.DeviceId, entry.Failure.RuleId), out var value))
            {
                db.DeviceHealthFailures.Remove(entry.Failure);
            }
            else if (entry.Failure.Value != value)
            {
                entry.Failure.Value = value;
            }
        }

        var organizationId = rules[0].OrganizationId;
        var known = existing.Select(e => (e.Failure.DeviceId, e.Failure.RuleId)).ToHashSet();
        var started = failing.Keys.Where(k => !known.Contains(k)).ToList();
        var added = started.Select(k => new DeviceHealthFailure { DeviceId = k.DeviceId, RuleId = k.RuleId, OrganizationId = organizationId, Since = now, Value = failing[k] }).ToList();
        db.DeviceHealthFailures.AddRange(added);

        var after = failing.Keys.GroupBy(k => k.DeviceId).ToDictionary(g => g.Key, g => g.Select(k => k.RuleId).ToList());
        var turnedUnhealthy = after.Keys.Where(id => !before.ContainsKey(id)).ToList();
        var turnedHealthy = before.Where(b => !after.ContainsKey(b.Key) && !b.Value[0].Quarantined).Select(b => b.Key).ToList();
        var changed = turnedUnhealthy.Concat(turnedHealthy).ToList();
        var identifiers = await devices.Where(d => changed.Contains(d.Id)).Select(d => new { d.Id, d.Identifier }).ToDictionaryAsync(d => d.Id, d => d.Identifier, cancellationToken);
        foreach (var id in turnedUnhealthy)
        {
            var failingNow = after[id].Select(r => HealthEventRule.Failing(byId[r], failing[(id, r)], now)).ToList();
            events.Record(EventTypes.DeviceUnhealthy, ResourceTypes.Device, id, new DeviceHealthEventData(identifiers[id], productId, failingNow, []), organizationId);
        }

        foreach (var id in turnedHealthy)
        {
            var cleared = before[id].Where(e => byId.ContainsKey(e.Failure.RuleId)).Select(e => HealthEventRule.Cleared(byId[e.Failure.RuleId])).ToList();
            events.Record(EventTypes.DeviceHealthy, ResourceTypes.Device, id, new DeviceHealthEventData(identifiers[id], productId, [], cleared), organizationId);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await WriteHealthyAsync(db, productId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Three statements over the product's devices, each writing only rows whose state differs.</summary>
    private static async Task WriteHealthyAsync(HangarDbContext db, Guid productId, CancellationToken cancellationToken)
    {
        var failures = db.DeviceHealthFailures.IgnoreQueryFilters([TenantFilter.Name]);
        var devices = db.Devices.IgnoreQueryFilters([TenantFilter.Name]).Where(d => d.ProductId == productId);
        await devices.Where(d => !d.Quarantined && d.Healthy != false && failures.Any(f => f.DeviceId == d.Id))
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.Healthy, false), cancellationToken);
        await devices.Where(d => !d.Quarantined && d.Healthy != true && !failures.Any(f => f.DeviceId == d.Id))
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.Healthy, true), cancellationToken);
        await devices.Where(d => d.Quarantined && d.Healthy != null)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.Healthy, (bool?)null), cancellationToken);
    }
}
