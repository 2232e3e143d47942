using Hangar.Core.Firmware;
using Hangar.Data;
using Hangar.Data.Firmware;
using Hangar.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Firmware;

/// <summary>
/// Joins and re-hashes uploaded binaries in the background: for a multi-GB binary that takes seconds to minutes, far
/// longer than a request should be held open, and the work must survive a restart. The <c>hashing</c> state is the
/// durable queue: the worker picks up every binary in it at start, on a signal from the API, and every few seconds.
/// One worker per server; several servers sharing a database need a claim step (scale-out issue).
/// </summary>
internal sealed class BinaryHashingWorker(
    IServiceScopeFactory scopes, IBlobStore blobs, BinaryHashingSignal signal, TimeProvider time, ILogger<BinaryHashingWorker> logger) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            signal.Reset();
            try
            {
                await HashPendingAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Binary hashing failed; will retry");
            }

            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            await Task.WhenAny(signal.WaitAsync(wait.Token).AsTask(), Task.Delay(PollInterval, time, wait.Token));
            await wait.CancelAsync();
        }
    }

    private async Task HashPendingAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
            var binary = await db.Binaries.IgnoreQueryFilters().AsNoTracking()
                .Where(b => b.State == BinaryState.Hashing).OrderBy(b => b.UpdatedAt).FirstOrDefaultAsync(cancellationToken);
            if (binary is null)
            {
                return;
            }

            await HashAsync(binary, db, scope.ServiceProvider.GetRequiredService<BinaryContent>(), cancellationToken);
        }
    }

    private async Task HashAsync(Binary binary, HangarDbContext db, BinaryContent content, CancellationToken cancellationToken)
    {
        var indexes = await db.BinaryParts.IgnoreQueryFilters().Where(p => p.BinaryId == binary.Id)
            .OrderBy(p => p.Index).Select(p => p.Index).ToListAsync(cancellationToken);
        var result = await blobs.CompleteUploadAsync(BinaryContent.UploadId(binary), indexes, binary.Size, binary.Sha256, cancellationToken);
        // A crash between storing the object and recording it leaves the parts consumed and the object in place;
        // the object's name is its verified hash, so finding it with the right size completes the job.
        var stored = result.Succeeded
            || result.Outcome == BlobWriteOutcome.MissingPart && await blobs.GetSizeAsync(binary.Sha256, cancellationToken) == binary.Size;
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.BinaryParts.IgnoreQueryFilters().Where(p => p.BinaryId == binary.Id).ExecuteDeleteAsync(cancellationToken);
        var current = db.Binaries.IgnoreQueryFilters()
            .Where(b => b.Id == binary.Id && b.State == BinaryState.Hashing && b.UploadGeneration == binary.UploadGeneration);
        var error = stored ? null : Describe(result, binary);
        var updated = stored
            ? await current.ExecuteUpdateAsync(b => b.SetProperty(x => x.State, BinaryState.Signable).SetProperty(x => x.LastError, (string?)null).SetProperty(x => x.UpdatedAt, now), cancellationToken)
            : await current.ExecuteUpdateAsync(b => b
                .SetProperty(x => x.State, BinaryState.Uploadable)
                .SetProperty(x => x.UploadGeneration, binary.UploadGeneration + 1)
                .SetProperty(x => x.LastError, error)
                .SetProperty(x => x.UpdatedAt, now), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (stored && updated == 0)
        {
            // Reset while hashing: the object is nobody's now.
            await content.ReleaseObjectAsync(binary.Sha256, binary.Id, cancellationToken);
        }

        logger.LogInformation("Binary {BinaryId} hashed: {Outcome}", binary.Id, stored ? "signable" : error);
    }

    private static string Describe(BlobWriteResult result, Binary binary) => result.Outcome switch
    {
        BlobWriteOutcome.HashMismatch => $"hash_mismatch: the uploaded content has SHA-256 {result.Sha256}, not the declared {binary.Sha256}; upload it again.",
        BlobWriteOutcome.SizeMismatch => $"size_mismatch: the uploaded content is not the declared {binary.Size} bytes; upload it again.",
        _ => "missing_part: an uploaded part was lost before hashing; upload it again.",
    };
}
