namespace Hangar.Contracts.Devices;

/// <summary>The devices and certificates an import created (all rows, or none).</summary>
public sealed record ImportDevicesResponse(int Devices, int Certificates);
