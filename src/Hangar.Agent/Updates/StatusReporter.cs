using Hangar.Agent.State;
using Hangar.Contracts.Updates;
using Microsoft.Extensions.Logging;

namespace Hangar.Agent.Updates;

/// <summary>
/// Status reports: each state change is queued in the state file (with its report id) before it is sent, sent in
/// order, and forgotten only once the server recorded it or refused it for good, so reports survive restarts and
/// power loss and a repeat is recognised by the server. Download progress is different: frequent, sent once, never queued.
/// </summary>
public sealed class StatusReporter(StateStore store, DeviceApi api, TimeProvider time, ILogger<StatusReporter> logger)
{
    private const int MaxReasonLength = 512;
    private const int MaxLogTailLength = 4096;

    public Task QueueAsync(ReportStatus status, UpdateSource update, string? reason, string? detail, CancellationToken cancellationToken) =>
        store.UpdateAsync(state => state.WithReport(status, update, reason, detail, time), cancellationToken);

    /// <summary>
    /// Sends queued reports oldest first until one cannot be delivered now. A report the server answers with
    /// <c>update_aborted</c> (it stopped the update) is not sent again, and the update is no longer in progress.
    /// </summary>
    /// <returns>The ids of updates whose rollout the server reported stopped.</returns>
    public async Task<IReadOnlySet<string>> FlushAsync(CancellationToken cancellationToken)
    {
        var done = new List<Guid>();
        var aborted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var report in store.Current.Reports)
        {
            var delivery = await api.SendAsync(ToRequest(report, progress: null), cancellationToken);
            if (delivery.Kind == ReportDeliveryKind.RetryLater)
            {
                logger.LogWarning("Status report {Sequence} ({Status}) not delivered, kept for later: {Message}", report.Sequence, report.Status, delivery.Message);
                break;
            }

            if (delivery.Aborted)
            {
                if (aborted.Add(report.Update.Id))
                {
                    LogStopped(report.Update, delivery);
                }
            }
            else if (delivery.Kind == ReportDeliveryKind.Refused)
            {
                logger.LogWarning("Status report {Sequence} ({Status}) refused by the server and dropped: {Message}", report.Sequence, report.Status, delivery.Message);
            }

            done.Add(report.ReportId);
        }

        if (done.Count > 0)
        {
            await store.UpdateAsync(state => state.WithoutReports(done) with
            {
                InProgress = state.InProgress is { } working && aborted.Contains(working.Id) ? null : state.InProgress,
            }, cancellationToken);
        }

        return aborted;
    }

    /// <summary>
    /// Tries to deliver the queued reports (the <c>installed</c> one above all) before the device reboots, for a
    /// bounded time: what is not delivered stays queued and goes out after the reboot, still in order.
    /// </summary>
    public async Task FlushBeforeRebootAsync(CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(15), time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            await FlushAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Reports not all delivered before the reboot; they are sent after it");
        }
    }

    /// <summary>Sends download progress once, best effort.</summary>
    /// <returns>False when the server says the rollout stopped.</returns>
    public async Task<bool> SendProgressAsync(UpdateSource update, int percent, string detail, CancellationToken cancellationToken)
    {
        var report = new QueuedReport(Guid.CreateVersion7(time.GetUtcNow()), 0, ReportStatus.Downloading, update, null, detail, time.GetUtcNow());
        var delivery = await api.SendAsync(ToRequest(report, percent), cancellationToken);
        if (delivery.Aborted)
        {
            LogStopped(update, delivery);
        }

        return !delivery.Aborted;
    }

    public static string StateName(ReportStatus status) => status switch
    {
        ReportStatus.Downloading => "downloading",
        ReportStatus.Downloaded => "downloaded",
        ReportStatus.Installing => "installing",
        ReportStatus.Installed => "installed",
        ReportStatus.Committed => "committed",
        ReportStatus.Failed => "failed",
        ReportStatus.RolledBack => "rolled_back",
        ReportStatus.Aborted => "aborted",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    private static UpdateStatusRequest ToRequest(QueuedReport report, int? progress) => new(
        report.ReportId,
        StateName(report.Status),
        report.Update.Kind == UpdateSourceKind.Release ? report.Update.Id : null,
        report.Update.Kind == UpdateSourceKind.BundleOverride ? report.Update.Id : null,
        progress,
        // The end of a long log says most about how it ended.
        report.Detail is { Length: > MaxLogTailLength } detail ? detail[^MaxLogTailLength..] : report.Detail,
        report.Reason is { Length: > MaxReasonLength } reason ? reason[..MaxReasonLength] : report.Reason,
        report.Retryable ? true : null);

    private void LogStopped(UpdateSource update, ReportDelivery delivery) =>
        logger.LogInformation("The server stopped update {UpdateId} ({Message}); it is not installed", update.Id, delivery.Detail ?? delivery.Message);
}
