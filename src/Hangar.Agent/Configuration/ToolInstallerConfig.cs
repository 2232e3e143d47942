namespace Hangar.Agent.Configuration;

/// <summary>swupdate, rauc and deb: an executable given the file, plus fixed extra arguments.</summary>
public sealed record ToolInstallerConfig
{
    /// <summary>Executable name or path; the tool's own name when empty.</summary>
    public string? Executable { get; set; }

    public IReadOnlyList<string> ExtraArgs { get; set; } = [];

    public int TimeoutSeconds { get; set; } = 1800;

    /// <summary>Null: the installer's default (true for image installers, false for deb).</summary>
    public bool? RebootRequired { get; set; }
}
