namespace Hangar.Contracts.Devices;

/// <summary>
/// Whether the device holds its control socket open now (<see cref="Online"/>), since when, when a server node last
/// vouched for the socket (<see cref="LastSeenAt"/>; while online it is renewed every half minute or so), the address
/// the device connected from, and the node holding the socket. The fields keep their last values once offline.
/// </summary>
public sealed record DevicePresenceResponse(bool Online, DateTime? ConnectedAt, DateTime? LastSeenAt, string? RemoteAddress, string? Node);
