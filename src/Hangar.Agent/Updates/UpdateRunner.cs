using System.Text.Json;
using System.Text.Json.Nodes;
using Hangar.Agent.Downloads;
using Hangar.Agent.Installers;
using Hangar.Agent.Signatures;
using Hangar.Agent.State;
using Hangar.Agent.TrialBoot;
using Hangar.Contracts.Updates;
using Microsoft.Extensions.Logging;

namespace Hangar.Agent.Updates;

/// <summary>
/// Carries out one offered update: picks the binaries for this device's targets that are not installed yet, makes
/// sure each has an allowed installer before fetching a byte, downloads and verifies them (size, SHA-256, signature
/// threshold), then hands them to the <see cref="TrialBootCoordinator"/>. Every step is reported; a failure of the
/// update itself is reported <c>failed</c> with its reason, while a network interruption is not (it resumes later).
/// </summary>
public sealed class UpdateRunner(
    UpdateRunnerOptions options,
    StateStore store,
    StatusReporter reporter,
    ResumableDownloader downloader,
    SignatureVerifier verifier,
    InstallerSelector installers,
    TrialBootCoordinator coordinator,
    TimeProvider time,
    ILogger<UpdateRunner> logger)
{
    public async Task<UpdateRunOutcome> ApplyAsync(UpdateCheckResponse answer, CancellationToken cancellationToken)
    {
        if (answer.Status != "update" || UpdateSourceOf(answer) is not { } update)
        {
            return UpdateRunOutcome.NothingToDo;
        }

        if (store.Current.PendingCommit is { } pending)
        {
            logger.LogWarning("Update {UpdateId} waits: update {PendingId} is still {Phase}", update.Id, pending.Update.Id, pending.Phase);
            return UpdateRunOutcome.Busy;
        }

        if (store.Current.LastFailure is { } failure && failure.Names(update) && time.GetUtcNow() < failure.FailedAt + RetryDelay(failure.Attempts))
        {
            return UpdateRunOutcome.RetryNotDue;
        }

        var prepared = new List<PreparedBinary>();
        foreach (var entry in answer.Manifest.Where(entry => options.Targets.Contains(entry.Target, StringComparer.Ordinal)).OrderBy(entry => entry.Position))
        {
            var metadata = entry.CustomMetadata.ValueKind == JsonValueKind.Object ? JsonObject.Create(entry.CustomMetadata) : null;
            var digest = MetadataDigest.Compute(metadata);
            if (store.Current.IsInstalled(entry.BinaryId.ToString(), digest))
            {
                continue;
            }

            if (!InstallerMetadata.TryRead(metadata, out var read, out var error) || !installers.TrySelect(read, out var installer, out error))
            {
                return await FailAsync(update, $"binary {entry.BinaryId} ({entry.Artifact.Name} {entry.ArtifactVersion.Version}): {error}", cancellationToken);
            }

            prepared.Add(new PreparedBinary(entry, read, installer, digest));
        }

        if (prepared.Count == 0)
        {
            // Nothing of the bundle is for this device or everything is installed already: the device runs it as it is.
            await store.UpdateAsync(state => state.WithReport(ReportStatus.Committed, update, null,
                "every binary of the bundle for this device's targets was installed already", time).WithCommitted(update, [], time), cancellationToken);
            logger.LogInformation("Update {UpdateId} needs no install; committed", update.Id);
            return UpdateRunOutcome.Committed;
        }

        downloader.DiscardAllExcept([.. prepared.Select(binary => binary.Key)]);
        await reporter.QueueAsync(ReportStatus.Downloading, update, null, null, cancellationToken);
        if ((await reporter.FlushAsync(cancellationToken)).Contains(update.Id))
        {
            return Aborted(update);
        }

        var (outcome, files) = await DownloadAllAsync(update, prepared, cancellationToken);
        if (outcome is not null)
        {
            return outcome.Value;
        }

        await reporter.QueueAsync(ReportStatus.Downloaded, update, null, null, cancellationToken);
        if ((await reporter.FlushAsync(cancellationToken)).Contains(update.Id))
        {
            return Aborted(update);
        }

        var plan = new UpdatePlan(update, [.. prepared.Select((binary, index) => new InstallPlan(
            binary.Key, binary.MetadataDigest, binary.Installer, new InstallRequest(binary.Key, files[index], binary.Metadata.Options), binary.Metadata.RebootRequired))]);
        var installed = await coordinator.InstallAsync(plan, cancellationToken);
        // Installers copied what they need; the downloads have served their purpose.
        downloader.DiscardAllExcept([]);
        return installed switch
        {
            TrialBootOutcome.Installed => UpdateRunOutcome.Committed,
            TrialBootOutcome.RebootRequested => UpdateRunOutcome.RebootRequested,
            _ => UpdateRunOutcome.Failed,
        };
    }

    /// <summary>A failed update is tried again after the polling interval, then twice as long each time, at most a day.</summary>
    public TimeSpan RetryDelay(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(TimeSpan.FromDays(1).TotalSeconds, options.PollingInterval.TotalSeconds * Math.Pow(2, Math.Min(attempts - 1, 20))));

    private async Task<(UpdateRunOutcome? Outcome, string[] Files)> DownloadAllAsync(
        UpdateSource update, List<PreparedBinary> prepared, CancellationToken cancellationToken)
    {
        var files = new string[prepared.Count];
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await using var heartbeat = new ProgressHeartbeat(reporter, update, prepared.Sum(binary => binary.Entry.Size), options.ProgressInterval, time, abort);
        for (var i = 0; i < prepared.Count; i++)
        {
            var entry = prepared[i].Entry;
            logger.LogInformation("Downloading {BinaryId}: {Size} bytes", entry.BinaryId, entry.Size);
            DownloadResult result;
            try
            {
                result = await downloader.DownloadAsync(
                    new DownloadRequest(prepared[i].Key, new Uri(entry.Url), entry.Size, entry.Sha256, heartbeat.Current), abort.Token);
            }
            catch (OperationCanceledException) when (abort.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                return (Aborted(update), files);
            }
            catch (DownloadException exception) when (exception.Failure is DownloadFailure.RetriesExhausted or DownloadFailure.Rejected)
            {
                logger.LogWarning("Download of {BinaryId} for update {UpdateId} stopped, resumed at the next check: {Reason}", entry.BinaryId, update.Id, exception.Message);
                return (UpdateRunOutcome.Interrupted, files);
            }
            catch (DownloadException exception)
            {
                return (await FailAsync(update, exception.Message, cancellationToken), files);
            }

            heartbeat.Finished(entry.Size);
            logger.LogInformation("Downloaded {BinaryId}: {Fetched} of {Size} bytes fetched", entry.BinaryId, result.BytesFetched, entry.Size);
            var check = verifier.Verify(Convert.FromHexString(entry.Sha256),
                entry.Signatures.Select(signature => new BinarySignature(signature.KeyId, signature.PublicKey, signature.Signature)));
            if (!check.Passed)
            {
                File.Delete(result.Path);
                return (await FailAsync(update, $"binary {entry.BinaryId} ({entry.Artifact.Name} {entry.ArtifactVersion.Version}): {check.Reason}", cancellationToken), files);
            }

            files[i] = result.Path;
        }

        return (null, files);
    }

    private async Task<UpdateRunOutcome> FailAsync(UpdateSource update, string reason, CancellationToken cancellationToken)
    {
        logger.LogError("Update {UpdateId} failed: {Reason}", update.Id, reason);
        await store.UpdateAsync(state => state.WithReport(ReportStatus.Failed, update, reason, null, time).WithFailure(update, time), cancellationToken);
        return UpdateRunOutcome.Failed;
    }

    private UpdateRunOutcome Aborted(UpdateSource update)
    {
        logger.LogWarning("The server stopped the rollout of update {UpdateId}; the device stays where it is", update.Id);
        return UpdateRunOutcome.Aborted;
    }

    private UpdateSource? UpdateSourceOf(UpdateCheckResponse answer)
    {
        UpdateSource? source = (answer.Release, answer.BundleOverride, answer.Bundle) switch
        {
            ({ } release, null, { } bundle) => new UpdateSource(UpdateSourceKind.Release, release.Id.ToString(), bundle.Id.ToString(), release.Version),
            (null, { } bundleOverride, { } bundle) => new UpdateSource(UpdateSourceKind.BundleOverride, bundleOverride.Id.ToString(), bundle.Id.ToString(), null),
            _ => null,
        };
        if (source is null)
        {
            logger.LogError("Ignored an update answer that names no release or bundle override and bundle");
        }

        return source;
    }
}
