namespace Hangar.Agent.Configuration;

/// <summary>
/// Only installers configured here can run. A binary's metadata picks one and may choose among what the
/// configuration allows, but never supplies a command or an arbitrary path: metadata is not signed.
/// </summary>
public sealed record InstallersConfig
{
    public FileInstallerConfig? File { get; init; }

    public CommandInstallerConfig? Command { get; init; }

    public ToolInstallerConfig? Swupdate { get; init; }

    public ToolInstallerConfig? Rauc { get; init; }

    public FwupInstallerConfig? Fwup { get; init; }

    public ToolInstallerConfig? Deb { get; init; }

    /// <summary>Simulated A/B slot installer; needs boot.simulated_slots.</summary>
    public SlotInstallerConfig? Slot { get; init; }
}
