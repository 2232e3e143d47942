namespace Hangar.Agent.Configuration;

/// <summary>Writes the binary into the inactive simulated slot, then arms a trial boot of that slot.</summary>
public sealed record SlotInstallerConfig
{
    /// <summary>The file name inside the slot directory when the metadata names none.</summary>
    public string DefaultName { get; set; } = "image";
}
