using System.Diagnostics;
using Hangar.Core.Firmware;
using Hangar.Data;
using Hangar.Data.Firmware;
using Hangar.Data.Tenancy;
using Hangar.Server.Hosting.Observability;
using Hangar.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Firmware;

/// <summary>
/// Completes uploaded binaries in the background: the store verifies the whole content's hash (much of it computed
/// while the parts arrived, all of it when another node received them) and makes the parts durable, which for a
/// multi-GB binary can take seconds to minutes, longer than a request should be held open; and the work must survive a restart. The <c>hashing</c> state is the
/// durable queue: the worker picks up every binary in it at start, on a signal from the API, and every few seconds.
/// Several servers may share the database: each binary is claimed with a lease (<see cref="BinaryHashingLeases"/>),
/// renewed while the work runs, so exactly one node hashes it and another takes over if that node dies. Once signable,
/// the binary's SHA-1 and MD5 are added (<see cref="BinaryLegacyDigests"/>).
/// </summary>
internal sealed class BinaryHashingWorker(
    IServiceScopeFactory scopes, IBlobStore blobs, BinaryHashingSignal signal, TimeProvider time, ILogger<BinaryHashingWorker> logger) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    /// <summary>This node, as lease owner; new on every start, so a restarted node does not mistake an old lease for its own.</summary>
    public Guid Node { get; } = Guid.CreateVersion7(time.GetUtcNow());

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
            // Off the clock's callback, so a clock moved forward by days polls once, not once per period (see ClockTicks).
            await Task.Yield();
        }
    }

    private async Task HashPendingAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var leases = scope.ServiceProvider.GetRequiredService<BinaryHashingLeases>();
            var binary = await leases.ClaimNextAsync(Node, stoppingToken);
            if (binary is null)
            {
                return;
            }

            using var hashing = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            using var renewing = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var renewal = KeepLeaseAsync(binary, leases.Duration / 3, hashing, renewing.Token);
            try
            {
                await HashAsync(binary, scope.ServiceProvider, hashing.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Binary {BinaryId}: the hashing lease went to another node or the binary was reset; stopped", binary.Id);
            }
            catch (OperationCanceledException)
            {
                // Stopping cleanly: hand the binary back now rather than when the lease expires.
                await leases.ReleaseAsync(binary, Node, CancellationToken.None);
                throw;
            }
            finally
            {
                await renewing.CancelAsync();
                await renewal;
            }
        }
    }

    /// <summary>Renews the lease until cancelled; cancels <paramref name="hashing"/> when the lease is lost.</summary>
    private async Task KeepLeaseAsync(Binary binary, TimeSpan interval, CancellationTokenSource hashing, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, time, cancellationToken);
                await using var scope = scopes.CreateAsyncScope();
                if (!await scope.ServiceProvider.GetRequiredService<BinaryHashingLeases>().RenewAsync(binary, Node, cancellationToken))
                {
                    await hashing.CancelAsync();
                    return;
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception exception)
            {
                // The database may be back before the lease runs out; if it is not, another node takes over.
                logger.LogWarning(exception, "Renewing the hashing lease of binary {BinaryId} failed; will retry", binary.Id);
            }
        }
    }

    private async Task HashAsync(Binary binary, IServiceProvider services, CancellationToken cancellationToken)
    {
        using var span = UploadTracing.Source.StartActivity(UploadTracing.HashingSpan);
        span?.SetTag(RequestSpans.OrganizationIdTag, binary.OrganizationId.ToString()).SetTag(UploadTracing.BinaryIdTag, binary.Id.ToString())
            .SetTag("hangar.binary.size", binary.Size);
        var db = services.GetRequiredService<HangarDbContext>();
        var leases = services.GetRequiredService<BinaryHashingLeases>();
        var parts = await db.BinaryParts.IgnoreQueryFilters([TenantFilter.Name]).Where(p => p.BinaryId == binary.Id)
            .OrderBy(p => p.Index).Select(p => new StagedPart(p.Index, p.Size, p.Sha256)).ToListAsync(cancellationToken);
        var result = await blobs.CompleteUploadAsync(BinaryContent.UploadId(binary), parts, binary.Size, binary.Sha256, cancellationToken);
        // A crash between storing the object and recording it leaves the parts consumed and the object in place;
        // the object's name is its verified hash, so finding it with the right size completes the job.
        var stored = result.Succeeded
            || result.Outcome == BlobWriteOutcome.MissingPart && await blobs.GetSizeAsync(binary.Sha256, cancellationToken) == binary.Size;
        var now = time.GetUtcNow().UtcDateTime;
        var error = stored ? null : Describe(result, binary);
        span?.SetTag(UploadTracing.OutcomeTag, stored ? "signable" : result.Outcome.ToString());
        if (!stored)
        {
            span?.SetStatus(ActivityStatusCode.Error, error);
        }
        int updated;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var held = leases.Held(binary, Node);
            updated = stored
                ? await held.ExecuteUpdateAsync(b => b
                    .SetProperty(x => x.State, BinaryState.Signable)
                    .SetProperty(x => x.LastError, (string?)null)
                    .SetProperty(x => x.HashingLeaseOwner, (Guid?)null)
                    .SetProperty(x => x.HashingLeaseExpiresAt, (DateTime?)null)
                    .SetProperty(x => x.UpdatedAt, now), cancellationToken)
                : await held.ExecuteUpdateAsync(b => b
                    .SetProperty(x => x.State, BinaryState.Uploadable)
                    .SetProperty(x => x.UploadGeneration, binary.UploadGeneration + 1)
                    .SetProperty(x => x.LastError, error)
                    .SetProperty(x => x.HashingLeaseOwner, (Guid?)null)
                    .SetProperty(x => x.HashingLeaseExpiresAt, (DateTime?)null)
                    .SetProperty(x => x.UpdatedAt, now), cancellationToken);
            if (updated == 1)
            {
                await db.BinaryParts.IgnoreQueryFilters([TenantFilter.Name]).Where(p => p.BinaryId == binary.Id).ExecuteDeleteAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        if (updated == 0)
        {
            // Reset while hashing (the object is nobody's now), or another node took the lease over (it still is).
            var takenOver = await db.Binaries.IgnoreQueryFilters([TenantFilter.Name]).AnyAsync(
                b => b.Id == binary.Id && b.UploadGeneration == binary.UploadGeneration && BinaryContent.HoldingStates.Contains(b.State), cancellationToken);
            if (stored && !takenOver)
            {
                await services.GetRequiredService<BinaryContent>().ReleaseObjectAsync(binary.Sha256, binary.Id, cancellationToken);
            }

            logger.LogInformation("Binary {BinaryId} hashed but no longer held by this node; result dropped", binary.Id);
            return;
        }

        logger.LogInformation("Binary {BinaryId} hashed: {Outcome}", binary.Id, stored ? "signable" : error);
        if (stored)
        {
            await FillLegacyDigestsAsync(binary, services, cancellationToken);
        }
    }

    /// <summary>
    /// SHA-1 and MD5 for DDI clients, after the binary is signable so that they never delay it. A failure here loses
    /// nothing: the first DDI answer that needs them computes them.
    /// </summary>
    private async Task FillLegacyDigestsAsync(Binary binary, IServiceProvider services, CancellationToken cancellationToken)
    {
        try
        {
            await services.GetRequiredService<BinaryLegacyDigests>().GetOrFillAsync(binary.Id, binary.Sha256, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Binary {BinaryId}: computing its SHA-1 and MD5 failed; the first DDI answer that needs them will", binary.Id);
        }
    }

    private static string Describe(BlobWriteResult result, Binary binary) => result.Outcome switch
    {
        BlobWriteOutcome.HashMismatch => $"hash_mismatch: the uploaded content has SHA-256 {result.Sha256}, not the declared {binary.Sha256}; upload it again.",
        BlobWriteOutcome.SizeMismatch => $"size_mismatch: the uploaded content is not the declared {binary.Size} bytes; upload it again.",
        _ => "missing_part: an uploaded part was lost before hashing; upload it again.",
    };
}
