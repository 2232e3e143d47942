namespace Hangar.Agent.Configuration;

/// <summary>
/// What the device runs before its first update from Hangar: the image it was flashed with. The server finds where
/// a device stands in its cohort's release graph from these (release, else bundle, else version against the releases'
/// version requirements); a device that reports none of them is offered nothing.
/// </summary>
public sealed record FactorySoftwareConfig
{
    /// <summary>A release id or resource name, when the image was built from a Hangar release.</summary>
    public string? Release { get; set; }

    /// <summary>A bundle id or resource name.</summary>
    public string? Bundle { get; set; }

    /// <summary>The image's semantic version, e.g. <c>1.0.0</c>.</summary>
    public string? ReleaseVersion { get; set; }
}
