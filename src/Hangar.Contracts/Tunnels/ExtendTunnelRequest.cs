namespace Hangar.Contracts.Tunnels;

/// <param name="TtlSeconds">The tunnel's new lifetime from now; its whole life (from creation) stays within <c>Tunnels:MaxLifetimeSeconds</c>.</param>
public sealed record ExtendTunnelRequest(int TtlSeconds);
