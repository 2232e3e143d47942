using Hangar.Agent.State;
using Microsoft.Extensions.Logging;

namespace Hangar.Agent.TrialBoot;

/// <summary>
/// Install → (reboot → trial → health check → commit or rollback). Each phase is saved before the action it leads to,
/// and the final save records the outcome and its report together, so whatever the point of a power loss, the next
/// start (<see cref="ResumeAsync"/>) finishes the work and queues exactly one final report.
/// </summary>
/// <param name="beforeReboot">Runs after the reboot is recorded and before it is requested: the agent sends the queued reports then.</param>
/// <param name="mayInstall">
/// Runs after the <c>installing</c> report is queued and before anything is installed: the agent sends the report, and
/// false (the server answered that it stopped the update) means nothing is installed.
/// </param>
public sealed class TrialBootCoordinator(
    StateStore store, IBootControl boot, HealthCheck health, int maxBootAttempts, TimeProvider time, ILogger logger,
    Func<CancellationToken, Task>? beforeReboot = null, Func<UpdateSource, CancellationToken, Task<bool>>? mayInstall = null)
{
    /// <summary>
    /// Installs every binary of the update in order. The update succeeds or fails as a whole: a failing binary fails
    /// it (earlier binaries are not recorded as installed, so they are installed again on the next attempt).
    /// </summary>
    public async Task<TrialBootOutcome> InstallAsync(UpdatePlan plan, CancellationToken cancellationToken)
    {
        if (store.Current.PendingCommit is { } busy)
        {
            throw new InvalidOperationException($"update {busy.Update.Id} is still pending ({busy.Phase})");
        }

        var pending = new PendingCommit(plan.Update, plan.Planned, TrialPhase.Installing, 0, time.GetUtcNow());
        await store.UpdateAsync(
            state => state.WithReport(ReportStatus.Installing, plan.Update, null, null, time).WithInstallStarting(pending.Binaries) with { PendingCommit = pending },
            cancellationToken);
        if (mayInstall is not null && !await mayInstall(plan.Update, cancellationToken))
        {
            // Nothing was touched; the targets' records were dropped with the save above and are written again by the next install.
            await store.UpdateAsync(state => state with { PendingCommit = null }, cancellationToken);
            return TrialBootOutcome.Aborted;
        }

        var rebootRequired = false;
        var details = new List<string>();
        foreach (var binary in plan.Binaries)
        {
            var outcome = await InstallOneAsync(binary, cancellationToken);
            if (!outcome.Succeeded)
            {
                logger.LogError("Install of {BinaryId} failed: {Detail}", binary.BinaryId, outcome.Detail);
                await boot.DiscardInterruptedInstallAsync(cancellationToken);
                await FinishAsync(ReportStatus.Failed, outcome.Detail, string.Join('\n', details), cancellationToken);
                return TrialBootOutcome.Failed;
            }

            details.Add(outcome.Detail);
            rebootRequired |= binary.RebootRequired ?? outcome.RebootRequired;
        }

        if (!rebootRequired)
        {
            await FinishAsync(ReportStatus.Committed, null, string.Join('\n', details), cancellationToken);
            logger.LogInformation("Committed update {UpdateId} (installed without a reboot)", plan.Update.Id);
            return TrialBootOutcome.Installed;
        }

        var awaitingReboot = pending with { Phase = TrialPhase.AwaitingReboot, BootId = boot.BootId };
        await store.UpdateAsync(
            state => state.WithReport(ReportStatus.Installed, plan.Update, null, string.Join('\n', details), time) with { PendingCommit = awaitingReboot },
            cancellationToken);
        logger.LogInformation("Installed update {UpdateId}; rebooting into the trial", plan.Update.Id);
        await RebootAsync(cancellationToken);
        return TrialBootOutcome.RebootRequested;
    }

    private static async Task<Installers.InstallOutcome> InstallOneAsync(InstallPlan binary, CancellationToken cancellationToken)
    {
        try
        {
            return await binary.Installer.InstallAsync(binary.Request, cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Installers.InstallOutcome.Failed($"{binary.Installer.Name} installer: {exception.Message}");
        }
    }

    private async Task RebootAsync(CancellationToken cancellationToken)
    {
        if (beforeReboot is not null)
        {
            await beforeReboot(cancellationToken);
        }

        await boot.RebootAsync(cancellationToken);
    }

    /// <summary>Runs at every start: continues whatever install was pending.</summary>
    public async Task<TrialBootOutcome> ResumeAsync(CancellationToken cancellationToken)
    {
        var pending = store.Current.PendingCommit;
        switch (pending?.Phase)
        {
            case null:
                return TrialBootOutcome.Idle;
            case TrialPhase.Installing:
                // Not the update's fault: reported as a failure the agent retries, which the server does not count as terminal.
                // At once the first time; a repeated interruption backs off, in case the install itself takes the device down.
                await boot.DiscardInterruptedInstallAsync(cancellationToken);
                const string Interrupted = "the install was interrupted by a restart; trying again";
                await store.UpdateAsync(state => state.WithReport(ReportStatus.Failed, pending.Update, Interrupted, null, time, retryable: true)
                    .WithInterruption(pending.Update, time), cancellationToken);
                logger.LogWarning("The install of update {UpdateId} was interrupted by a restart; trying again", pending.Update.Id);
                return TrialBootOutcome.Interrupted;
            case TrialPhase.AwaitingReboot when pending.BootId == boot.BootId:
                logger.LogWarning("The agent restarted before the reboot into update {UpdateId}; rebooting again", pending.Update.Id);
                await RebootAsync(cancellationToken);
                return TrialBootOutcome.RebootRequested;
            case TrialPhase.AwaitingReboot or TrialPhase.Trial:
                return await TrialAsync(pending, cancellationToken);
            case TrialPhase.Committing:
                return await CommitAsync(cancellationToken);
            default:
                return await RollbackAsync(pending.Reason ?? "rollback decided before a restart", cancellationToken);
        }
    }

    private async Task<TrialBootOutcome> TrialAsync(PendingCommit pending, CancellationToken cancellationToken)
    {
        // Counted before the health check runs, so a check that crashes or hangs the device still uses up an attempt.
        var attempts = pending.Phase == TrialPhase.Trial ? pending.BootAttempts + 1 : 1;
        await store.UpdateAsync(state => state with { PendingCommit = pending with { Phase = TrialPhase.Trial, BootAttempts = attempts } },
            cancellationToken);
        if (attempts > maxBootAttempts)
        {
            return await DecideRollbackAsync($"no healthy start in {maxBootAttempts} attempts", cancellationToken);
        }

        var unhealthy = await health.RunAsync(boot.HealthCheckEnvironment, cancellationToken);
        if (unhealthy is not null)
        {
            return await DecideRollbackAsync(unhealthy, cancellationToken);
        }

        await store.UpdateAsync(state => state with { PendingCommit = state.PendingCommit! with { Phase = TrialPhase.Committing } },
            cancellationToken);
        return await CommitAsync(cancellationToken);
    }

    private async Task<TrialBootOutcome> CommitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await boot.CommitAsync(cancellationToken);
        }
        catch (BootActionException exception)
        {
            return await DecideRollbackAsync(exception.Message, cancellationToken);
        }

        var update = store.Current.PendingCommit!.Update;
        await FinishAsync(ReportStatus.Committed, null, "the trial boot passed its health check", cancellationToken);
        logger.LogInformation("Committed update {UpdateId}: the trial boot passed its health check", update.Id);
        return TrialBootOutcome.Committed;
    }

    private async Task<TrialBootOutcome> DecideRollbackAsync(string reason, CancellationToken cancellationToken)
    {
        logger.LogError("Rolling back: {Reason}", reason);
        await store.UpdateAsync(
            state => state with { PendingCommit = state.PendingCommit! with { Phase = TrialPhase.RollingBack, Reason = reason } },
            cancellationToken);
        return await RollbackAsync(reason, cancellationToken);
    }

    private async Task<TrialBootOutcome> RollbackAsync(string reason, CancellationToken cancellationToken)
    {
        try
        {
            await boot.RollbackAsync(cancellationToken);
        }
        catch (BootActionException exception)
        {
            logger.LogCritical("Rollback failed, retried at the next start: {Reason}", exception.Message);
            return TrialBootOutcome.RollbackFailed;
        }

        await FinishAsync(ReportStatus.RolledBack, reason, null, cancellationToken);
        return TrialBootOutcome.RolledBack;
    }

    /// <summary>One save: the pending install is cleared, what its targets hold recorded and its final report queued.</summary>
    private async Task FinishAsync(ReportStatus status, string? reason, string? detail, CancellationToken cancellationToken) =>
        await store.UpdateAsync(state =>
        {
            var pending = state.PendingCommit!;
            var next = state.WithReport(status, pending.Update, reason, detail, time) with { PendingCommit = null };
            return status switch
            {
                ReportStatus.Committed => next.WithCommitted(pending.Update, pending.Binaries, time),
                ReportStatus.RolledBack => next.WithRolledBack(pending.Update, pending.Binaries, time),
                _ => next.WithFailure(pending.Update, time),
            };
        }, cancellationToken);
}
