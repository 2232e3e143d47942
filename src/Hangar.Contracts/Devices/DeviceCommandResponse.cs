namespace Hangar.Contracts.Devices;

/// <summary>
/// A command pushed to a device over its control socket. <see cref="Delivery"/> is <c>delivered</c> (this server
/// wrote it to the device's socket) or <c>forwarded</c> (another node, <see cref="Node"/>, holds the socket and was
/// asked to write it). <see cref="Id"/> is the command's id, as the device sees it in the frame.
/// </summary>
public sealed record DeviceCommandResponse(Guid Id, string Command, string Delivery, string? Node);
