using Hangar.Core.Events;
using Hangar.Core.Resources;
using Hangar.Data;
using Hangar.Data.Queries;
using Hangar.Data.Releases;
using Hangar.Server.Features.Events;
using Hangar.Server.Hosting.Database;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Updates;

/// <summary>
/// Persists a device's claim on a phased release atomically against the phase's capacity: the release's claim
/// counter is raised only while below capacity (one conditional UPDATE, which serialises concurrent claimers on the
/// release row), and the claim row's key makes a second claim by the same device fail, undoing the raise.
/// </summary>
internal static class PhaseClaimer
{
    /// <summary>True when the device holds a claim afterwards (new, or made meanwhile by its own concurrent check); false when the phase is full.</summary>
    public static async Task<bool> TryClaimAsync(
        HangarDbContext db, EventRecorder events, DeviceSnapshot device, ReleaseFacts release, long capacity, DateTime now, CancellationToken cancellationToken)
    {
        var limit = (int)Math.Min(capacity, int.MaxValue);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var raised = await db.Releases.Where(r => r.Id == release.Id && r.PhaseClaimCount < limit)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.PhaseClaimCount, r => r.PhaseClaimCount + 1), cancellationToken);
        if (raised == 0)
        {
            return false;
        }

        db.PhaseClaims.Add(new PhaseClaim { ReleaseId = release.Id, DeviceId = device.Id, OrganizationId = device.OrganizationId, ClaimedAt = now });
        events.Record(EventTypes.DeviceClaimedRelease, ResourceTypes.Device, device.Id,
            new DeviceClaimedReleaseEventData(device.Identifier, release.Id, release.Name, release.Version), device.OrganizationId);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            events.DiscardPending();
            return true;
        }
    }
}
