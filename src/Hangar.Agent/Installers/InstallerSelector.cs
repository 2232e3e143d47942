using Hangar.Agent.Configuration;
using Hangar.Agent.Processes;
using Hangar.Agent.TrialBoot;

namespace Hangar.Agent.Installers;

/// <summary>Only installers present in the configuration exist; a binary naming any other fails before anything is touched.</summary>
public sealed class InstallerSelector
{
    private readonly Dictionary<string, IInstaller> _installers = new(StringComparer.Ordinal);

    public InstallerSelector(InstallersConfig config, ProcessRunner runner, SimulatedSlots? slots)
    {
        Add(config.File is { } file ? new FileInstaller(file) : null);
        Add(config.Command is { } command ? new CommandInstaller(command, runner) : null);
        Add(config.Swupdate is { } swupdate ? ToolInstaller.Swupdate(swupdate, runner) : null);
        Add(config.Rauc is { } rauc ? ToolInstaller.Rauc(rauc, runner) : null);
        Add(config.Fwup is { } fwup ? ToolInstaller.Fwup(fwup, runner) : null);
        Add(config.Deb is { } deb ? ToolInstaller.Deb(deb, runner) : null);
        Add(config.Slot is { } slot && slots is not null ? new SlotInstaller(slot, slots) : null);
    }

    public IReadOnlyCollection<string> Names => _installers.Keys;

    public bool TrySelect(InstallerMetadata metadata, out IInstaller installer, out string error)
    {
        error = "";
        if (_installers.TryGetValue(metadata.Installer, out installer!))
        {
            return true;
        }

        error = $"installer '{metadata.Installer}' is unknown or not enabled on this device (enabled: {string.Join(", ", _installers.Keys)})";
        return false;
    }

    private void Add(IInstaller? installer)
    {
        if (installer is not null)
        {
            _installers[installer.Name] = installer;
        }
    }
}
