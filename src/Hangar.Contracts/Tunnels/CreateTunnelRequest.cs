namespace Hangar.Contracts.Tunnels;

/// <param name="Device">The device: its id, resource name or identifier.</param>
/// <param name="DevicePort">The TCP port on the device's loopback interface (1-65535); the agent must list it in its <c>allowed_ports</c>.</param>
/// <param name="TtlSeconds">How long the tunnel lives; default 3,600, at most <c>Tunnels:MaxTtlSeconds</c>.</param>
/// <param name="CidrAllowlist">CIDR blocks (<c>203.0.113.0/24</c>, <c>2001:db8::/32</c>) the user side may connect from; empty or absent allows any address.</param>
public sealed record CreateTunnelRequest(string Device, int DevicePort, int? TtlSeconds = null, IReadOnlyList<string>? CidrAllowlist = null);
