using Hangar.Contracts.Common;
using Hangar.Core.Firmware;
using Hangar.Data;
using Hangar.Data.Firmware;
using Hangar.Server.Features.Releases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Firmware;

/// <summary>
/// Client-requested state changes of a binary. <see cref="ApplyAsync"/> changes the tracked entity (the caller saves
/// it, with its audit row, in one transaction) and returns the file clean-up to run after the commit: bytes are
/// deleted only once no committed row can point at them. A transition the binary cannot make is a
/// <see cref="BinaryTransitionRefusal"/>, which the endpoint answers with a conflict.
/// </summary>
internal sealed class BinaryLifecycle(HangarDbContext db, BinaryContent content, BinaryHashingSignal signal, IOptions<FirmwareOptions> options)
{
    public async Task<(BinaryTransitionRefusal? Refusal, Func<CancellationToken, Task>? AfterCommit)> ApplyAsync(
        Binary binary, BinaryState to, DateTime now, CancellationToken cancellationToken)
    {
        var from = binary.State;
        if (from == to)
        {
            return (null, null);
        }

        if (!BinaryStates.ClientMay(from, to))
        {
            var allowed = BinaryStates.ClientTargets(from).Select(s => s.ToWire()).ToList();
            return (new BinaryTransitionRefusal(ErrorCodes.InvalidStateTransition,
                $"A {from.ToWire()} binary cannot be moved to {to.ToWire()}" + (allowed.Count == 0 ? "." : $"; allowed: {string.Join(", ", allowed)}.")), null);
        }

        binary.State = to;
        binary.UpdatedAt = now;
        // A lease belongs to one hashing run; a new run starts unclaimed.
        binary.HashingLeaseOwner = null;
        binary.HashingLeaseExpiresAt = null;
        switch (to)
        {
            case BinaryState.Hashable:
                var incomplete = await IncompleteUploadAsync(binary, cancellationToken);
                return incomplete is null ? (null, null) : (new BinaryTransitionRefusal(ErrorCodes.UploadIncomplete, incomplete), null);
            case BinaryState.Hashing:
                return (null, _ =>
                {
                    signal.Notify();
                    return Task.CompletedTask;
                }
                );
            case BinaryState.Uploadable:
                var generation = binary.UploadGeneration;
                binary.UploadGeneration++;
                binary.LastError = null;
                await db.BinaryParts.Where(p => p.BinaryId == binary.Id).ExecuteDeleteAsync(cancellationToken);
                return (null, async token =>
                {
                    await content.AbortUploadAsync(binary.Id, generation, token);
                    if (from == BinaryState.Signable)
                    {
                        await content.ReleaseObjectAsync(binary.Sha256, binary.Id, token);
                    }
                }
                );
            case BinaryState.Destroyed:
                // Releases shipping a bundle with this binary stop being deliverable: their cohorts' cached graphs are stale.
                var cohorts = await (
                    from r in db.Releases
                    join e in db.BundleEntries on r.BundleId equals e.BundleId
                    where e.BinaryId == binary.Id
                    select r.CohortId).Distinct().ToListAsync(cancellationToken);
                if (cohorts.Count > 0)
                {
                    await ReleaseGraphLock.ChangeAllAsync(db, cohorts, new DateTimeOffset(now, TimeSpan.Zero), cancellationToken);
                }

                return (null, token => content.ReleaseObjectAsync(binary.Sha256, binary.Id, token));
            default:
                throw new InvalidOperationException($"no client transition to {to}");
        }
    }

    /// <summary>Why the parts do not make up the declared binary, or null when they do.</summary>
    private async Task<string?> IncompleteUploadAsync(Binary binary, CancellationToken cancellationToken)
    {
        var parts = await db.BinaryParts.Where(p => p.BinaryId == binary.Id).OrderBy(p => p.Index)
            .Select(p => new { p.Index, p.Size }).ToListAsync(cancellationToken);
        if (parts.Count == 0)
        {
            return "No parts are uploaded.";
        }

        for (var i = 0; i < parts.Count; i++)
        {
            if (parts[i].Index != i + 1)
            {
                return $"Part {i + 1} is missing.";
            }

            if (i < parts.Count - 1 && parts[i].Size < options.Value.MinPartBytes)
            {
                return $"Part {i + 1} has {parts[i].Size} bytes; every part but the last needs at least {options.Value.MinPartBytes}.";
            }
        }

        var total = parts.Sum(p => p.Size);
        return total == binary.Size ? null : $"The parts add up to {total} bytes; the binary declares {binary.Size}.";
    }
}
