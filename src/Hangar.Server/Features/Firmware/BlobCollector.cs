using System.Globalization;
using Hangar.Core.Firmware;
using Hangar.Data;
using Hangar.Data.Firmware;
using Hangar.Data.Tenancy;
using Hangar.Server.Hosting;
using Hangar.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Firmware;

/// <summary>
/// Keeps the blob store to what the database refers to. Each run (at start, then every <c>BlobCollector:IntervalMinutes</c>)
/// aborts uploads abandoned for <c>AbandonedUploadDays</c>, then deletes staged uploads no binary can use any more and
/// objects no binary holds. Anything younger than <c>GraceMinutes</c> is left alone: an upload may have written it and
/// not recorded it yet. Every step is safe to run on several nodes at once. Temporary files are the file-system store's
/// own business (<c>FileSystemStoreMaintenance</c>), not the database's.
/// </summary>
internal sealed class BlobCollector(
    IServiceScopeFactory scopes, IBlobStore blobs, TimeProvider time, IOptions<BlobCollectorOptions> options, ILogger<BlobCollector> logger)
    : BackgroundService
{
    private const int Batch = 500;

    /// <summary>States whose binaries still use the parts staged for their current upload generation.</summary>
    private static readonly BinaryState[] StagingStates = [BinaryState.Uploadable, BinaryState.Hashable, BinaryState.Hashing];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.IntervalMinutes), time);
        do
        {
            try
            {
                var collected = await CollectAsync(stoppingToken);
                if (collected.RemovedAnything)
                {
                    logger.LogInformation("Blob collection: {Collection}", collected);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Blob collection failed; will retry");
            }
        }
        while (await timer.NextTickAsync(stoppingToken));
    }

    public async Task<BlobCollection> CollectAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var grace = now.AddMinutes(-options.Value.GraceMinutes);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
        var abandoned = await AbortAbandonedUploadsAsync(db, now.UtcDateTime, cancellationToken);
        var uploads = await RemoveOrphanedUploadsAsync(db, grace, cancellationToken);
        var (objects, bytes) = await RemoveOrphanedObjectsAsync(db, grace, cancellationToken);
        return new BlobCollection(abandoned, uploads, objects, bytes);
    }

    /// <summary>
    /// Resets uploadable and hashable binaries whose parts (and the binary itself) nobody touched since the cutoff. The
    /// reset is conditional on exactly that, so a part arriving in between keeps the upload alive.
    /// </summary>
    private async Task<int> AbortAbandonedUploadsAsync(HangarDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var days = options.Value.AbandonedUploadDays;
        var cutoff = now.AddDays(-days);
        var binaries = db.Binaries.IgnoreQueryFilters([TenantFilter.Name]);
        var parts = db.BinaryParts.IgnoreQueryFilters([TenantFilter.Name]);
        var candidates = await binaries
            .Where(b => (b.State == BinaryState.Uploadable || b.State == BinaryState.Hashable) && b.UpdatedAt < cutoff
                && parts.Any(p => p.BinaryId == b.Id) && !parts.Any(p => p.BinaryId == b.Id && p.UpdatedAt >= cutoff))
            .OrderBy(b => b.Id).Select(b => new { b.Id, b.UploadGeneration }).Take(Batch).ToListAsync(cancellationToken);
        var aborted = 0;
        var error = $"upload_abandoned: no part arrived for {days} days, so the parts were deleted; upload it again.";
        foreach (var candidate in candidates)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var reset = await binaries
                .Where(b => b.Id == candidate.Id && b.UploadGeneration == candidate.UploadGeneration
                    && (b.State == BinaryState.Uploadable || b.State == BinaryState.Hashable) && b.UpdatedAt < cutoff
                    && !parts.Any(p => p.BinaryId == b.Id && p.UpdatedAt >= cutoff))
                .ExecuteUpdateAsync(b => b
                    .SetProperty(x => x.State, BinaryState.Uploadable)
                    .SetProperty(x => x.UploadGeneration, candidate.UploadGeneration + 1)
                    .SetProperty(x => x.LastError, error)
                    .SetProperty(x => x.UpdatedAt, now), cancellationToken);
            if (reset == 1)
            {
                await parts.Where(p => p.BinaryId == candidate.Id).ExecuteDeleteAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            if (reset == 1)
            {
                await blobs.AbortUploadAsync(BinaryContent.UploadId(candidate.Id, candidate.UploadGeneration), cancellationToken);
                aborted++;
            }
        }

        return aborted;
    }

    /// <summary>Staged uploads whose binary is gone or has moved on to another generation or past hashing.</summary>
    private async Task<int> RemoveOrphanedUploadsAsync(HangarDbContext db, DateTimeOffset grace, CancellationToken cancellationToken)
    {
        var removed = 0;
        var old = blobs.ListUploadsAsync(cancellationToken).Where(upload => upload.LastModified < grace);
        await foreach (var batch in old.Chunk(Batch).WithCancellation(cancellationToken))
        {
            var named = batch.Select(upload => (upload.Name, Upload: ParseUploadId(upload.Name))).ToList();
            var ids = named.Where(n => n.Upload is not null).Select(n => n.Upload!.Value.BinaryId).Distinct().ToList();
            var live = (await db.Binaries.IgnoreQueryFilters([TenantFilter.Name])
                    .Where(b => ids.Contains(b.Id) && StagingStates.Contains(b.State))
                    .Select(b => new { b.Id, b.UploadGeneration }).ToListAsync(cancellationToken))
                .Select(b => BinaryContent.UploadId(b.Id, b.UploadGeneration)).ToHashSet(StringComparer.Ordinal);
            foreach (var (name, _) in named.Where(n => !live.Contains(n.Name)))
            {
                await blobs.AbortUploadAsync(name, cancellationToken);
                removed++;
            }
        }

        return removed;
    }

    /// <summary>
    /// Objects no binary needs, decided from the database's clock (an object store has no conditional delete, and
    /// needs none): no binary with that SHA-256 is hashing, signable or signed, and none that declares it (an upload in
    /// flight, a binary just destroyed or reset) nor a part of its upload changed within the grace period. Every
    /// candidate is checked once more right before its plain delete, so an upload of the same content that started
    /// meanwhile keeps it. The store's own last-write time filters first (a just-published object is never listed as old).
    /// </summary>
    private async Task<(int Count, long Bytes)> RemoveOrphanedObjectsAsync(HangarDbContext db, DateTimeOffset grace, CancellationToken cancellationToken)
    {
        var (count, bytes) = (0, 0L);
        var cutoff = grace.UtcDateTime;
        var old = blobs.ListObjectsAsync(cancellationToken).Where(blob => blob.LastModified < grace);
        await foreach (var batch in old.Chunk(Batch).WithCancellation(cancellationToken))
        {
            var names = batch.Select(blob => blob.Name).ToList();
            var needed = (await Needing(db, names, cutoff).Select(b => b.Sha256).Distinct().ToListAsync(cancellationToken))
                .ToHashSet(StringComparer.Ordinal);
            foreach (var blob in batch.Where(blob => !needed.Contains(blob.Name)))
            {
                if (!await Needing(db, [blob.Name], cutoff).AnyAsync(cancellationToken))
                {
                    await blobs.DeleteAsync(blob.Name, cancellationToken);
                    count++;
                    bytes += blob.Size;
                }
            }
        }

        return (count, bytes);
    }

    /// <summary>Binaries that need (or may soon need) an object named in <paramref name="names"/>: the grace rule.</summary>
    private static IQueryable<Binary> Needing(HangarDbContext db, List<string> names, DateTime cutoff)
    {
        var parts = db.BinaryParts.IgnoreQueryFilters([TenantFilter.Name]);
        return db.Binaries.IgnoreQueryFilters([TenantFilter.Name]).Where(b => names.Contains(b.Sha256)
            && (BinaryContent.HoldingStates.Contains(b.State) || b.UpdatedAt >= cutoff || parts.Any(p => p.BinaryId == b.Id && p.UpdatedAt >= cutoff)));
    }

    /// <summary>Upload ids are <c>&lt;binary id, 32 hex&gt;-&lt;generation&gt;</c> (<see cref="BinaryContent.UploadId(Guid, int)"/>).</summary>
    private static (Guid BinaryId, int Generation)? ParseUploadId(string name)
    {
        var dash = name.IndexOf('-', StringComparison.Ordinal);
        return dash == 32 && Guid.TryParseExact(name[..dash], "N", out var id)
            && int.TryParse(name[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var generation)
            ? (id, generation)
            : null;
    }
}
