namespace Hangar.Agent.Configuration;

public sealed record DirectoriesConfig
{
    /// <summary>Where the state file lives (small, written atomically).</summary>
    public string? State { get; set; }

    /// <summary>Where downloads and their partial files live.</summary>
    public string? Cache { get; set; }
}
