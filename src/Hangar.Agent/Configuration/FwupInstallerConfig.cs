namespace Hangar.Agent.Configuration;

public sealed record FwupInstallerConfig
{
    public string? Executable { get; set; }

    /// <summary>Block device fwup writes to.</summary>
    public string DevicePath { get; set; } = "/dev/mmcblk0";

    public string Task { get; set; } = "upgrade";

    public IReadOnlyList<string> ExtraArgs { get; set; } = [];

    public int TimeoutSeconds { get; set; } = 1800;

    public bool RebootRequired { get; set; } = true;
}
