using System.ComponentModel.DataAnnotations;

namespace Hangar.Server.Features.Tunnels;

/// <summary>Section <c>Tunnels</c>: remote access tunnels' lifetime bounds and the relay's limits (docs/tunnels.md).</summary>
internal sealed class TunnelsOptions
{
    public const string Section = "Tunnels";

    /// <summary>The lifetime of a tunnel created without <c>ttl_seconds</c>.</summary>
    [Range(60, 7 * 86_400)]
    public int DefaultTtlSeconds { get; set; } = 3600;

    /// <summary>The longest <c>ttl_seconds</c> a create or an extend may ask for.</summary>
    [Range(60, 7 * 86_400)]
    public int MaxTtlSeconds { get; set; } = 8 * 3600;

    /// <summary>No extend takes a tunnel past this long after its creation.</summary>
    [Range(60, 30 * 86_400)]
    public int MaxLifetimeSeconds { get; set; } = 24 * 3600;

    /// <summary>How often a node closes tunnels past their TTL or whose device was revoked or quarantined, and drops their connections.</summary>
    [Range(1, 300)]
    public int SweepSeconds { get; set; } = 2;

    /// <summary>How long a user's connection waits for the agent's data socket before it is refused.</summary>
    [Range(1, 300)]
    public int ConnectTimeoutSeconds { get; set; } = 15;

    /// <summary>A relayed connection with no byte either way for this long is closed.</summary>
    [Range(5, 86_400)]
    public int IdleTimeoutSeconds { get; set; } = 900;

    /// <summary>The relay's buffer per direction and connection: the most bytes in flight that one slow side can make the server hold.</summary>
    [Range(1024, 1024 * 1024)]
    public int BufferBytes { get; set; } = 64 * 1024;

    /// <summary>Simultaneous relayed connections per tunnel on one node.</summary>
    [Range(1, 1000)]
    public int MaxConnectionsPerTunnel { get; set; } = 32;
}
