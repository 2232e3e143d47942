using Hangar.Agent.Configuration;
using Hangar.Agent.Processes;

namespace Hangar.Agent.TrialBoot;

/// <summary>A real device: the configured commands do the work; the kernel's boot id tells boots apart.</summary>
public sealed class CommandBootControl(BootConfig config, ProcessRunner runner) : IBootControl
{
    private const string KernelBootIdPath = "/proc/sys/kernel/random/boot_id";

    public string BootId { get; } = File.Exists(KernelBootIdPath) ? File.ReadAllText(KernelBootIdPath).Trim() : "unknown";

    public IReadOnlyDictionary<string, string> HealthCheckEnvironment { get; } = new Dictionary<string, string>();

    public Task RebootAsync(CancellationToken cancellationToken) => RunAsync("boot.reboot_command", config.RebootCommand, cancellationToken);

    public Task CommitAsync(CancellationToken cancellationToken) => RunAsync("boot.commit_command", config.CommitCommand, cancellationToken);

    public Task RollbackAsync(CancellationToken cancellationToken) => RunAsync("boot.rollback_command", config.RollbackCommand, cancellationToken);

    /// <summary>
    /// Nothing to run: image installers (rauc, swupdate, fwup) arm the other slot only when they finish, and a slot
    /// booted without being committed is left by the bootloader's own attempt counter.
    /// </summary>
    public Task DiscardInterruptedInstallAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task RunAsync(string field, IReadOnlyList<string> command, CancellationToken cancellationToken)
    {
        if (command.Count == 0)
        {
            return;
        }

        var result = await runner.RunAsync(command, TimeSpan.FromSeconds(config.CommandTimeoutSeconds), null, cancellationToken);
        if (!result.Succeeded)
        {
            throw new BootActionException($"{field} failed: {result.Summary}");
        }
    }
}
