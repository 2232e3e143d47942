using Hangar.Agent.Downloads;
using Hangar.Agent.Installers;
using Hangar.Agent.Signatures;
using Hangar.Agent.State;
using Hangar.Agent.TrialBoot;
using Hangar.Contracts.Updates;
using Microsoft.Extensions.Logging;

namespace Hangar.Agent.Updates;

/// <summary>
/// Carries out one offered update: picks the binaries for this device's targets that the device does not hold now
/// (<see cref="InstallSelection"/>), downloads and verifies them (size, SHA-256, signature threshold), then hands
/// them to the <see cref="TrialBootCoordinator"/>. Every step is reported; a failure of the update itself is reported
/// <c>failed</c> with its reason, while a network interruption is not (it resumes later). An update being downloaded
/// that a later check no longer offers is stopped and reported <c>aborted</c>; one the server answers that it stopped
/// is dropped without a report.
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
    private readonly InstallSelection _selection = new(options, installers);

    public async Task<UpdateRunOutcome> ApplyAsync(UpdateCheckResponse answer, CancellationToken cancellationToken)
    {
        var update = answer.Status == "update" ? UpdateSourceOf(answer) : null;
        LogCheck(answer, update);
        if (store.Current.InProgress is { } working && (update is null || working != update))
        {
            await AbandonAsync(working, update is null
                ? $"the update check no longer offers it ({answer.Status}{(answer.Reason is null ? "" : ": " + answer.Reason)})"
                : $"the update check offers {Describe(update)} instead", cancellationToken);
        }

        if (update is null)
        {
            return UpdateRunOutcome.NothingToDo;
        }

        if (store.Current.PendingCommit is { } pending)
        {
            logger.LogWarning("Update {UpdateId} waits: update {PendingId} is still {Phase}", update.Id, pending.Update.Id, pending.Phase);
            return UpdateRunOutcome.Busy;
        }

        if (store.Current.LastFailure is { } failure && failure.Names(update) && time.GetUtcNow() < failure.RetryAt(RetryDelay))
        {
            return UpdateRunOutcome.RetryNotDue;
        }

        var (prepared, error) = _selection.Select(answer, store.Current);
        if (error is not null)
        {
            return await FailAsync(update, error, cancellationToken);
        }

        if (prepared.Count == 0)
        {
            // Nothing of the bundle is for this device, or the targets it runs from hold every binary: it runs the bundle as it is.
            await store.UpdateAsync(state => state.WithReport(ReportStatus.Committed, update, null,
                "the device holds every binary of the bundle for its targets already", time).WithCommitted(update, [], time), cancellationToken);
            logger.LogInformation("Committed update {UpdateId}: the device holds every binary of its bundle already", update.Id);
            return UpdateRunOutcome.Committed;
        }

        var reused = prepared.Where(binary => binary.HeldCopy is not null).Select(binary => $"{binary.Describe}: {binary.Target} holds it (SHA-256 checked), no download").ToList();
        foreach (var line in reused)
        {
            logger.LogInformation("Switching slots without a download for update {UpdateId}: {Binary}", update.Id, line);
        }

        downloader.DiscardAllExcept([.. prepared.Where(binary => binary.HeldCopy is null).Select(binary => binary.Key)]);
        var detail = reused.Count > 0 ? string.Join('\n', reused) : null;
        await store.UpdateAsync(state => state.WithReport(ReportStatus.Downloading, update, null, detail, time) with { InProgress = update }, cancellationToken);
        if ((await reporter.FlushAsync(cancellationToken)).Contains(update.Id))
        {
            return await StoppedByServerAsync(cancellationToken);
        }

        var (outcome, files) = await DownloadAllAsync(update, prepared, cancellationToken);
        if (outcome is not null)
        {
            return outcome.Value;
        }

        await reporter.QueueAsync(ReportStatus.Downloaded, update, null, null, cancellationToken);
        if ((await reporter.FlushAsync(cancellationToken)).Contains(update.Id))
        {
            return await StoppedByServerAsync(cancellationToken);
        }

        var plan = new UpdatePlan(update, [.. prepared.Select((binary, index) => new InstallPlan(
            binary.Key, binary.MetadataDigest, binary.Installer, new InstallRequest(binary.Key, files[index], binary.Metadata.Options), binary.Metadata.RebootRequired,
            binary.Target, binary.Entry.Sha256, binary.IntoInactiveSlot))]);
        var installed = await coordinator.InstallAsync(plan, cancellationToken);
        // Installers copied what they need; the downloads have served their purpose.
        downloader.DiscardAllExcept([]);
        return installed switch
        {
            TrialBootOutcome.Installed => UpdateRunOutcome.Committed,
            TrialBootOutcome.RebootRequested => UpdateRunOutcome.RebootRequested,
            TrialBootOutcome.Aborted => UpdateRunOutcome.Aborted,
            _ => UpdateRunOutcome.Failed,
        };
    }

    /// <summary>A failed update is tried again after the polling interval, then twice as long each time, at most a day.</summary>
    public TimeSpan RetryDelay(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(TimeSpan.FromDays(1).TotalSeconds, options.PollingInterval.TotalSeconds * Math.Pow(2, Math.Min(attempts - 1, 20))));

    private async Task<(UpdateRunOutcome? Outcome, string[] Files)> DownloadAllAsync(
        UpdateSource update, IReadOnlyList<PreparedBinary> prepared, CancellationToken cancellationToken)
    {
        var files = new string[prepared.Count];
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await using var heartbeat = new ProgressHeartbeat(reporter, update, prepared.Sum(binary => binary.Entry.Size), options.ProgressInterval, time, abort);
        for (var i = 0; i < prepared.Count; i++)
        {
            var entry = prepared[i].Entry;
            // The signatures sign the SHA-256 the manifest names, and the download (or the held copy) is checked against it.
            var check = verifier.Verify(Convert.FromHexString(entry.Sha256),
                entry.Signatures.Select(signature => new BinarySignature(signature.KeyId, signature.PublicKey, signature.Signature)));
            if (!check.Passed)
            {
                return (await FailAsync(update, $"{prepared[i].Describe}: {check.Reason}", cancellationToken), files);
            }

            if (prepared[i].HeldCopy is { } copy)
            {
                heartbeat.Finished(entry.Size);
                files[i] = copy;
                continue;
            }

            logger.LogInformation("Downloading {BinaryId}: {Size} bytes", entry.BinaryId, entry.Size);
            try
            {
                var result = await downloader.DownloadAsync(
                    new DownloadRequest(prepared[i].Key, new Uri(entry.Url), entry.Size, entry.Sha256, heartbeat.Current), abort.Token);
                heartbeat.Finished(entry.Size);
                logger.LogInformation("Downloaded {BinaryId}: {Fetched} of {Size} bytes fetched", entry.BinaryId, result.BytesFetched, entry.Size);
                files[i] = result.Path;
            }
            catch (OperationCanceledException) when (abort.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                return (await StoppedByServerAsync(cancellationToken), files);
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
        }

        return (null, files);
    }

    private async Task<UpdateRunOutcome> FailAsync(UpdateSource update, string reason, CancellationToken cancellationToken)
    {
        logger.LogError("Update {UpdateId} failed: {Reason}", update.Id, reason);
        await store.UpdateAsync(state => state.WithReport(ReportStatus.Failed, update, reason, null, time).WithFailure(update, time), cancellationToken);
        return UpdateRunOutcome.Failed;
    }

    /// <summary>The server answered that it stopped the update (the reporter logged why): its downloads go, nothing is installed.</summary>
    private async Task<UpdateRunOutcome> StoppedByServerAsync(CancellationToken cancellationToken)
    {
        downloader.DiscardAllExcept([]);
        await store.UpdateAsync(state => state with { InProgress = null }, cancellationToken);
        return UpdateRunOutcome.Aborted;
    }

    /// <summary>The device stops an update the server no longer offers: its downloads go and the server hears <c>aborted</c>.</summary>
    private async Task AbandonAsync(UpdateSource update, string reason, CancellationToken cancellationToken)
    {
        logger.LogInformation("Stopped update {UpdateId}: {Reason}", update.Id, reason);
        downloader.DiscardAllExcept([]);
        await store.UpdateAsync(state => state.WithReport(ReportStatus.Aborted, update, reason, null, time) with { InProgress = null }, cancellationToken);
    }

    private void LogCheck(UpdateCheckResponse answer, UpdateSource? update)
    {
        if (update is null)
        {
            logger.LogInformation("Update check: {Status}{Reason}", answer.Status.Replace('_', ' '), answer.Reason is null ? "" : $" ({answer.Reason})");
            return;
        }

        logger.LogInformation("Update check: offered {Update}", Describe(update));
    }

    private static string Describe(UpdateSource update) => update.Kind == UpdateSourceKind.Release
        ? $"release {update.ReleaseVersion ?? update.Id} ({update.Id}), bundle {update.BundleId}"
        : $"bundle override {update.Id}, bundle {update.BundleId}";

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
