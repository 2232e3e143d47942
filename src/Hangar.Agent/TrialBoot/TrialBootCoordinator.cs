using Hangar.Agent.State;
using Microsoft.Extensions.Logging;

namespace Hangar.Agent.TrialBoot;

/// <summary>
/// Install → (reboot → trial → health check → commit or rollback). Each phase is saved before the action it leads to,
/// and the final save records the outcome and its report together, so whatever the point of a power loss, the next
/// start (<see cref="ResumeAsync"/>) finishes the work and queues exactly one final report.
/// </summary>
public sealed class TrialBootCoordinator(StateStore store, IBootControl boot, HealthCheck health, int maxBootAttempts, TimeProvider time, ILogger logger)
{
    public async Task<TrialBootOutcome> InstallAsync(InstallPlan plan, CancellationToken cancellationToken)
    {
        if (store.Current.PendingCommit is { } busy)
        {
            throw new InvalidOperationException($"binary {busy.BinaryId} is still pending ({busy.Phase})");
        }

        var pending = new PendingCommit(plan.BinaryId, plan.MetadataDigest, plan.Installer.Name, TrialPhase.Installing, 0, time.GetUtcNow());
        await store.UpdateAsync(state => state with { PendingCommit = pending }, cancellationToken);

        Installers.InstallOutcome outcome;
        try
        {
            outcome = await plan.Installer.InstallAsync(plan.Request, cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            outcome = Installers.InstallOutcome.Failed($"{plan.Installer.Name} installer: {exception.Message}");
        }

        if (!outcome.Succeeded)
        {
            logger.LogError("Install of {BinaryId} failed: {Detail}", plan.BinaryId, outcome.Detail);
            await boot.DiscardInterruptedInstallAsync(cancellationToken);
            await FinishAsync(ReportStatus.Failed, outcome.Detail, installed: false, cancellationToken);
            return TrialBootOutcome.Failed;
        }

        if (!(plan.RebootRequired ?? outcome.RebootRequired))
        {
            await FinishAsync(ReportStatus.Committed, outcome.Detail, installed: true, cancellationToken);
            return TrialBootOutcome.Installed;
        }

        var awaitingReboot = pending with { Phase = TrialPhase.AwaitingReboot, BootId = boot.BootId };
        await store.UpdateAsync(
            state => state.WithReport(ReportStatus.Rebooting, plan.BinaryId, outcome.Detail, time) with { PendingCommit = awaitingReboot },
            cancellationToken);
        logger.LogInformation("Installed {BinaryId}; rebooting into the trial", plan.BinaryId);
        await boot.RebootAsync(cancellationToken);
        return TrialBootOutcome.RebootRequested;
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
                await boot.DiscardInterruptedInstallAsync(cancellationToken);
                await FinishAsync(ReportStatus.Failed, "the install was interrupted by a restart", installed: false, cancellationToken);
                return TrialBootOutcome.Failed;
            case TrialPhase.AwaitingReboot when pending.BootId == boot.BootId:
                logger.LogWarning("The agent restarted before the reboot into {BinaryId}; rebooting again", pending.BinaryId);
                await boot.RebootAsync(cancellationToken);
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

        await FinishAsync(ReportStatus.Committed, null, installed: true, cancellationToken);
        logger.LogInformation("Committed the trial");
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

        await FinishAsync(ReportStatus.RolledBack, reason, installed: false, cancellationToken);
        return TrialBootOutcome.RolledBack;
    }

    /// <summary>One save: the pending install is cleared, its result recorded and its final report queued.</summary>
    private async Task FinishAsync(ReportStatus status, string? reason, bool installed, CancellationToken cancellationToken) =>
        await store.UpdateAsync(state =>
        {
            var pending = state.PendingCommit!;
            var next = state.WithReport(status, pending.BinaryId, reason, time) with { PendingCommit = null };
            return installed
                ? next.WithInstalled(new InstalledBinary(pending.BinaryId, pending.MetadataDigest, pending.Installer, time.GetUtcNow()))
                : next;
        }, cancellationToken);
}
