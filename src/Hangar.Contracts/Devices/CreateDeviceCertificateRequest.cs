namespace Hangar.Contracts.Devices;

/// <summary>Registers a certificate for a device.</summary>
/// <param name="DeviceId">The device's id or resource name.</param>
/// <param name="Certificate">One PEM <c>CERTIFICATE</c> block: an unexpired end-entity certificate whose CN is the device identifier.</param>
public sealed record CreateDeviceCertificateRequest(string DeviceId, string Certificate);
