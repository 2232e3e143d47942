namespace Hangar.Contracts.Tunnels;

/// <summary>
/// A remote access tunnel. <see cref="State"/> is <c>requested</c> (waiting for the agent), <c>open</c> or
/// <c>closed</c>; a closed tunnel says why in <see cref="CloseReason"/> (<c>user</c>, <c>ttl</c>, <c>device</c>,
/// <c>server</c>, <c>revoked</c>, <c>quarantined</c>, <c>refused_port</c>, <c>tunnels_disabled</c>,
/// <c>device_offline</c>) and, when the agent refused it, its words in <see cref="CloseMessage"/>.
/// <see cref="DeviceIdentifier"/> is the device's identifier (empty once the device was deleted).
/// <see cref="BytesToDevice"/> and <see cref="BytesFromDevice"/> add up every relayed connection that ended.
/// </summary>
public sealed record TunnelResponse(
    Guid Id,
    string Name,
    Guid DeviceId,
    string DeviceIdentifier,
    int DevicePort,
    string State,
    string? CloseReason,
    string? CloseMessage,
    IReadOnlyList<string> CidrAllowlist,
    long BytesToDevice,
    long BytesFromDevice,
    string ConnectPath,
    DateTime CreatedAt,
    DateTime? OpenedAt,
    DateTime ExpiresAt,
    DateTime? ClosedAt);
