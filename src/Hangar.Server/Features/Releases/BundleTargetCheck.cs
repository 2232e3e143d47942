using Hangar.Contracts.Common;
using Hangar.Core.Firmware;
using Hangar.Data;
using Hangar.Data.Devices;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Releases;

/// <summary>
/// Refuses to point a bundle at devices it has nothing for (docs/concepts/releases.md, "Hardware targets"): every
/// recorded target among the devices it can reach must have a binary of that target or a portable one. With
/// <c>allow_missing_targets</c> some targets may go without, as long as one is served; devices without a recorded
/// target are not judged, and with none of them known there is nothing to check. The update check never offers such a
/// bundle to a device it cannot serve, whatever was accepted here.
/// </summary>
internal static class BundleTargetCheck
{
    /// <summary>The 422 for <paramref name="bundleId"/> against the devices it would reach, or null when it serves them.</summary>
    public static async Task<ProblemHttpResult?> RefusalAsync(
        HangarDbContext db, Guid bundleId, IQueryable<Device> reachable, bool allowMissing, string reached, CancellationToken cancellationToken)
    {
        var deviceTargets = await reachable.Where(d => d.Target != null).Select(d => d.Target!).Distinct().ToListAsync(cancellationToken);
        if (deviceTargets.Count == 0)
        {
            return null;
        }

        var bundleTargets = (await (
            from e in db.BundleEntries
            join b in db.Binaries on e.BinaryId equals b.Id
            where e.BundleId == bundleId
            select b.Target).Distinct().ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var missing = BinaryTargets.Missing(bundleTargets, deviceTargets);
        if (missing.Count == 0 || (allowMissing && missing.Count < deviceTargets.Count))
        {
            return null;
        }

        var named = string.Join(", ", missing.Select(t => $"'{t}'"));
        var advice = missing.Count < deviceTargets.Count
            ? " Add binaries for them, or pass allow_missing_targets to accept that those devices are never offered it."
            : " It has nothing any of them could install.";
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "Bundle has no binary for the devices' targets",
            Detail = $"Bundle {bundleId} has no binary for target{(missing.Count == 1 ? "" : "s")} {named} of {reached} (nor a '{BinaryTargets.Portable}' one).{advice}",
        };
        problem.Extensions["code"] = ErrorCodes.BundleTargetMismatch;
        problem.Extensions["missing_targets"] = missing;
        return TypedResults.Problem(problem);
    }
}
