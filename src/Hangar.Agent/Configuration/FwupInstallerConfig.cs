namespace Hangar.Agent.Configuration;

public sealed record FwupInstallerConfig
{
    public string? Executable { get; init; }

    /// <summary>Block device fwup writes to.</summary>
    public string DevicePath { get; init; } = "/dev/mmcblk0";

    public string Task { get; init; } = "upgrade";

    public IReadOnlyList<string> ExtraArgs { get; init; } = [];

    public int TimeoutSeconds { get; init; } = 1800;

    public bool RebootRequired { get; init; } = true;
}
