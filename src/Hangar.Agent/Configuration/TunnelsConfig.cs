namespace Hangar.Agent.Configuration;

/// <summary>Remote access tunnels (docs/tunnels.md): off unless enabled, and then only to these ports on 127.0.0.1.</summary>
public sealed record TunnelsConfig
{
    /// <summary>False (the default): every tunnel request is refused as <c>tunnels_disabled</c>.</summary>
    public bool Enabled { get; set; }

    /// <summary>The only device ports a tunnel may reach; any other is refused as <c>refused_port</c>.</summary>
    public IReadOnlyList<int> AllowedPorts { get; set; } = [];
}
