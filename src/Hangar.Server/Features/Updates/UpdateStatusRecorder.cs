using Hangar.Contracts.Common;
using Hangar.Core.Events;
using Hangar.Core.Releases;
using Hangar.Core.Resources;
using Hangar.Data;
using Hangar.Data.Releases;
using Hangar.Server.Features.Events;
using Hangar.Server.Features.Releases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Updates;

/// <summary>
/// Applies a device's status report to its update, in one transaction: repeated report ids are answered without
/// change, states only move forward (<see cref="UpdateStates.MayMove"/>), progress on a halted rollout is refused,
/// each transition records one <c>update.status_changed</c>, a commit records what the device now runs, and every
/// report on a release checks the release's failure policy (<see cref="AutomaticHalt"/>). Reports on an update the
/// server aborted are refused, except a new attempt once the rollout stands again. Refusals are outcomes, not HTTP:
/// the device API maps them (<see cref="UpdateStatusEndpoints"/>), and another protocol's feedback can too.
/// </summary>
internal sealed class UpdateStatusRecorder(HangarDbContext db, EventRecorder events, TimeProvider time, IOptions<RetryWindowOptions> options)
{
    public async Task<UpdateStatusOutcome> ApplyAsync(Guid deviceId, UpdateStatusReport report, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var (releaseId, overrideId) = (report.Update.ReleaseId, report.Update.BundleOverrideId);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // A no-op update first: on PostgreSQL it takes the row's lock, so two reports on one update apply in turn.
        var found = await db.DeviceUpdates.Where(u => u.DeviceId == deviceId && u.ReleaseId == releaseId && u.BundleOverrideId == overrideId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.UpdatedAt, u => u.UpdatedAt), cancellationToken);
        if (found == 0)
        {
            return UpdateStatusOutcome.Refused(ErrorCodes.UpdateNotOffered, "This device was never offered that update; report on what an update check answered.");
        }

        var update = await db.DeviceUpdates.SingleAsync(u => u.DeviceId == deviceId && u.ReleaseId == releaseId && u.BundleOverrideId == overrideId, cancellationToken);
        var earlier = await db.DeviceUpdateReports.AsNoTracking().SingleOrDefaultAsync(r => r.DeviceId == deviceId && r.ReportId == report.ReportId, cancellationToken);
        if (earlier is not null)
        {
            return earlier.DeviceUpdateId == update.Id && earlier.State == report.State
                ? UpdateStatusOutcome.Recorded(update, duplicate: true)
                : UpdateStatusOutcome.Refused(ErrorCodes.ReportIdReused, "This report id was already used for a different report; use a new id per report.");
        }

        var from = update.State;
        if (from == UpdateState.Aborted && report.State != UpdateState.Aborted
            && (report.State != UpdateState.Downloading || await AbortedBecauseAsync(deviceId, update, now, cancellationToken) is not null))
        {
            // Stopped by the server (or the device): only a new attempt on a rollout that stands again goes on.
            return UpdateStatusOutcome.Refused(ErrorCodes.UpdateAborted, $"The update was aborted ({update.Reason ?? "the rollout was stopped"}); do not install it.");
        }

        if (from != report.State && !UpdateStates.MayMove(from, report.State))
        {
            return UpdateStatusOutcome.Refused(ErrorCodes.UpdateTransitionInvalid,
                $"The update is {from.ToWire()}; it cannot go to {report.State.ToWire()} (states only move forward; after failed, rolled_back or aborted a new attempt starts at downloading).");
        }

        // Work that has not reached the installer stops; an install under way goes on to its end (installed, failed…).
        if (report.State is UpdateState.Downloading or UpdateState.Downloaded or UpdateState.Installing && from != UpdateState.Installing
            && await AbortedBecauseAsync(deviceId, update, now, cancellationToken) is { } aborted)
        {
            return UpdateStatusOutcome.Refused(ErrorCodes.UpdateAborted, $"The rollout was stopped ({aborted}); do not install this update.");
        }

        Apply(update, report, now);
        db.DeviceUpdateReports.Add(new DeviceUpdateReport
        {
            DeviceId = deviceId,
            ReportId = report.ReportId,
            OrganizationId = update.OrganizationId,
            DeviceUpdateId = update.Id,
            State = report.State,
            Progress = report.Progress,
            ReceivedAt = now,
        });
        if (from != report.State)
        {
            await RecordTransitionAsync(update, from, now, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (releaseId is { } reported)
        {
            await AutomaticHalt.CheckAsync(db, events, reported, now, options.Value.RetryWindowStart(now), cancellationToken);
        }

        return UpdateStatusOutcome.Recorded(update, duplicate: false);
    }

    private static void Apply(DeviceUpdate update, UpdateStatusReport report, DateTime now)
    {
        if (update.State.IsFinal() && report.State == UpdateState.Downloading)
        {
            update.Attempt++;
            update.FinishedAt = null;
            update.Reason = null;
            update.LogTail = null;
        }

        if (update.State == UpdateState.Aborted && report.State == UpdateState.Aborted)
        {
            // The device confirming a stop the server made: the server's reason stays.
            update.UpdatedAt = now;
            return;
        }

        update.State = report.State;
        update.Progress = report.Progress;
        update.LogTail = report.LogTail ?? update.LogTail;
        update.Reason = report.Reason ?? update.Reason;
        update.Retryable = report.State == UpdateState.Failed && report.Retryable;
        update.FinishedAt = report.State.IsFinal() ? update.FinishedAt ?? now : null;
        update.UpdatedAt = now;
    }

    private async Task RecordTransitionAsync(DeviceUpdate update, UpdateState from, DateTime now, CancellationToken cancellationToken)
    {
        var device = await db.Devices.SingleAsync(d => d.Id == update.DeviceId, cancellationToken);
        events.Record(EventTypes.UpdateStatusChanged, ResourceTypes.Device, device.Id, new UpdateStatusChangedEventData(
            device.Identifier, update.Id, update.ReleaseId, update.BundleOverrideId, update.BundleId, from.ToWire(), update.State.ToWire(), update.Attempt, update.Reason),
            update.OrganizationId);
        if (update.State != UpdateState.Committed)
        {
            return;
        }

        // Committed: the device runs the update now, whatever it reports on its next check.
        var version = update.ReleaseId is { } releaseId
            ? await db.Releases.Where(r => r.Id == releaseId).Select(r => r.Version).SingleAsync(cancellationToken)
            : null;
        if (device.ReportedReleaseId == update.ReleaseId && device.ReportedBundleId == update.BundleId && device.ReportedReleaseVersion == version)
        {
            return;
        }

        events.Record(EventTypes.DeviceReleaseChanged, ResourceTypes.Device, device.Id, new DeviceReleaseChangedEventData(
            device.Identifier, device.ReportedReleaseId, update.ReleaseId, true, device.ReportedBundleId, update.BundleId, true, device.ReportedReleaseVersion, version),
            update.OrganizationId);
        device.ReportedReleaseId = update.ReleaseId;
        device.ReportedBundleId = update.BundleId;
        device.ReportedReleaseVersion = version;
    }

    /// <summary>Why the update's rollout no longer stands: its release was halted, or its override ended or no longer names the device.</summary>
    private async Task<string?> AbortedBecauseAsync(Guid deviceId, DeviceUpdate update, DateTime now, CancellationToken cancellationToken)
    {
        if (update.ReleaseId is { } releaseId)
        {
            var halted = await db.Releases.Where(r => r.Id == releaseId).Select(r => r.HaltedAt).SingleAsync(cancellationToken);
            return halted is null ? null : "the release was halted";
        }

        var active = await (
            from m in db.BundleOverrideDevices
            join o in db.BundleOverrides on m.BundleOverrideId equals o.Id
            where m.DeviceId == deviceId && o.Id == update.BundleOverrideId && o.StartsAt <= now && (o.EndsAt == null || o.EndsAt > now)
            select o.Id).AnyAsync(cancellationToken);
        return active ? null : "the bundle override ended or no longer names this device";
    }
}
