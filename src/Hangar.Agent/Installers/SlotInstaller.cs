using Hangar.Agent.Configuration;
using Hangar.Agent.TrialBoot;

namespace Hangar.Agent.Installers;

/// <summary>Simulated A/B: writes the file into the inactive slot and arms a trial boot of it. Option <c>name</c>: the file name in the slot.</summary>
public sealed class SlotInstaller(SlotInstallerConfig config, SimulatedSlots slots) : IInstaller
{
    public string Name => "slot";

    public async Task<InstallOutcome> InstallAsync(InstallRequest request, CancellationToken cancellationToken)
    {
        if (!InstallerMetadata.TryGetString(request.Options, "name", out var name)
            || !InstallersConfigValidator.IsPlainFileName(name ??= config.DefaultName))
        {
            return InstallOutcome.Failed("slot installer: option \"name\" must be a plain file name");
        }

        var slot = await slots.InstallIntoInactiveAsync(request.FilePath, name, cancellationToken);
        return new InstallOutcome(true, true, $"wrote {name} into slot {slot} and armed a trial boot of it");
    }
}
