using Hangar.Core.Resources;
using Hangar.Data;
using Hangar.Server.Hosting.References;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Devices;

/// <summary>
/// Many devices named at once (bulk actions, override device lists, up to 1,000): the rule of
/// <see cref="ReferenceLookup"/> in two queries instead of one per device. Identifiers are unique
/// in an organization, so a list never turns out ambiguous.
/// </summary>
internal static class DeviceReferences
{
    /// <summary>The device id each reference names, in order; null where it names no device of the organization.</summary>
    public static async Task<List<Guid?>> IdsAsync(HangarDbContext db, IReadOnlyList<string?> references, Guid organizationId, CancellationToken cancellationToken)
    {
        var texts = references.Select(r => r?.Trim() ?? "").ToList();
        var byId = texts.Select(t => ReferenceLookup.IsName(t) ? null : ResourceReference.Resolve(t, ResourceTypes.Device, organizationId)).ToList();
        var identifiers = texts.Where(ReferenceLookup.IsName).Distinct().ToList();
        var ids = byId.OfType<Guid>().Distinct().ToList();

        var existing = (await db.Devices.Where(d => ids.Contains(d.Id)).Select(d => d.Id).ToListAsync(cancellationToken)).ToHashSet();
        var named = identifiers.Count == 0 ? []
            : await db.Devices.Where(d => identifiers.Contains(d.Identifier)).ToDictionaryAsync(d => d.Identifier, d => d.Id, cancellationToken);

        return texts.Select((text, i) => byId[i] is { } id
            ? existing.Contains(id) ? id : (Guid?)null
            : named.TryGetValue(text, out var found) ? found : null).ToList();
    }
}
