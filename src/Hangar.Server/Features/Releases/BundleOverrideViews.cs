using Hangar.Contracts.Releases;
using Hangar.Core.Releases;
using Hangar.Core.Resources;
using Hangar.Data;
using Hangar.Data.Releases;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Releases;

/// <summary>Bundle override responses with their device counts, one query for a whole page.</summary>
internal static class BundleOverrideViews
{
    public static async Task<List<BundleOverrideResponse>> ToResponsesAsync(
        HangarDbContext db, IReadOnlyList<BundleOverride> overrides, DateTime now, CancellationToken cancellationToken)
    {
        var ids = overrides.Select(o => o.Id).ToList();
        var counts = await db.BundleOverrideDevices.Where(d => ids.Contains(d.BundleOverrideId))
            .GroupBy(d => d.BundleOverrideId).Select(g => new { Id = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Id, g => g.Count, cancellationToken);
        return [.. overrides.Select(o => ToResponse(o, counts.GetValueOrDefault(o.Id), now))];
    }

    public static async Task<BundleOverrideResponse> ToResponseAsync(HangarDbContext db, BundleOverride bundleOverride, DateTime now, CancellationToken cancellationToken) =>
        (await ToResponsesAsync(db, [bundleOverride], now, cancellationToken))[0];

    private static BundleOverrideResponse ToResponse(BundleOverride o, int deviceCount, DateTime now) => new(
        o.Id,
        ResourceName.Format(o.OrganizationId, ResourceTypes.BundleOverride, o.Id),
        o.Name,
        o.Description,
        o.BundleId,
        o.StartsAt,
        o.EndsAt,
        new ActiveOverride(o.Id, o.BundleId, o.StartsAt, o.EndsAt).IsActiveAt(now),
        deviceCount,
        o.CreatedAt,
        o.UpdatedAt);
}
