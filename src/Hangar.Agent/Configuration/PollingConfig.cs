namespace Hangar.Agent.Configuration;

public sealed record PollingConfig
{
    public int IntervalSeconds { get; set; } = 1800;

    /// <summary>A random 0..jitter is added to each interval so a fleet does not check in lockstep.</summary>
    public int JitterSeconds { get; set; } = 300;
}
