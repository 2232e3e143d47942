namespace Hangar.Contracts.Devices;

/// <summary>What a client needs to know about the server to set devices up.</summary>
/// <param name="DeviceUrl">
/// The device listener's address as devices should reach it: <c>Firmware:PublicDeviceUrl</c> when set, or else the
/// listener's own address, with a wildcard bind named by the server's host name (which the self-generated TLS
/// certificate covers).
/// </param>
/// <param name="DeviceUrlConfigured">Whether <see cref="DeviceUrl"/> is configured (true) or worked out from the listener (false).</param>
public sealed record ServerInfoResponse(string DeviceUrl, bool DeviceUrlConfigured);
