namespace Hangar.Agent.Configuration;

/// <summary>Reserved for remote access tunnels: only these device ports may ever be tunnelled.</summary>
public sealed record TunnelsConfig
{
    public IReadOnlyList<int> AllowedPorts { get; set; } = [];
}
