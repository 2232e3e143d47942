namespace Hangar.Agent.Configuration;

public sealed record FileInstallerConfig
{
    /// <summary>Directories a binary may be installed into (the directory named in its metadata must be inside one).</summary>
    public IReadOnlyList<string> Roots { get; set; } = [];
}
