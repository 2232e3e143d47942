namespace Hangar.Data.Tunnels;

/// <summary>A tunnel's life: requested until the agent accepts it, open until closed; closed is terminal.</summary>
public enum TunnelState
{
    Requested,
    Open,
    Closed,
}
