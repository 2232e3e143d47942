namespace Hangar.Agent.Configuration;

/// <summary>
/// Only installers configured here can run. A binary's metadata picks one and may choose among what the
/// configuration allows, but never supplies a command or an arbitrary path: metadata is not signed.
/// </summary>
public sealed record InstallersConfig
{
    public FileInstallerConfig? File { get; set; }

    public CommandInstallerConfig? Command { get; set; }

    public ToolInstallerConfig? Swupdate { get; set; }

    public ToolInstallerConfig? Rauc { get; set; }

    public FwupInstallerConfig? Fwup { get; set; }

    public ToolInstallerConfig? Deb { get; set; }

    /// <summary>Simulated A/B slot installer; needs boot.simulated_slots.</summary>
    public SlotInstallerConfig? Slot { get; set; }
}
