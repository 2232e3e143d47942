namespace Hangar.Agent.Configuration;

internal static class InstallersConfigValidator
{
    public static void Validate(InstallersConfig installers, BootConfig boot, Action<bool, string, string> require)
    {
        if (installers.File is { } file)
        {
            require(file.Roots.Count > 0, "installers.file.roots", "needs at least one directory");
            for (var i = 0; i < file.Roots.Count; i++)
            {
                require(!string.IsNullOrWhiteSpace(file.Roots[i]), $"installers.file.roots[{i}]", "is empty");
            }
        }

        if (installers.Command is { } command)
        {
            require(command.Commands.Count > 0, "installers.command.commands", "needs at least one named command");
            foreach (var (name, argv) in command.Commands)
            {
                require(argv.Count > 0 && !string.IsNullOrWhiteSpace(argv[0]), $"installers.command.commands.{name}", "needs an executable");
            }

            require(command.TimeoutSeconds > 0, "installers.command.timeout_seconds", "must be positive");
        }

        Tool(installers.Swupdate, "swupdate", require);
        Tool(installers.Rauc, "rauc", require);
        Tool(installers.Deb, "deb", require);
        if (installers.Fwup is { } fwup)
        {
            require(!string.IsNullOrWhiteSpace(fwup.DevicePath), "installers.fwup.device_path", "is required");
            require(!string.IsNullOrWhiteSpace(fwup.Task), "installers.fwup.task", "is required");
            require(fwup.TimeoutSeconds > 0, "installers.fwup.timeout_seconds", "must be positive");
        }

        if (installers.Slot is { } slot)
        {
            require(boot.SimulatedSlots is not null, "installers.slot", "needs boot.simulated_slots");
            require(IsPlainFileName(slot.DefaultName), "installers.slot.default_name", "must be a plain file name");
        }
    }

    public static bool IsPlainFileName(string? name) =>
        !string.IsNullOrEmpty(name) && name is not "." and not ".." && name.IndexOfAny(['/', '\0']) < 0;

    private static void Tool(ToolInstallerConfig? tool, string name, Action<bool, string, string> require)
    {
        if (tool is not null)
        {
            require(tool.TimeoutSeconds > 0, $"installers.{name}.timeout_seconds", "must be positive");
            require(tool.Executable is null || tool.Executable.Trim().Length > 0, $"installers.{name}.executable", "is empty");
        }
    }
}
