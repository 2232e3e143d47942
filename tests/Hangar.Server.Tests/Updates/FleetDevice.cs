using Hangar.Contracts.Devices;

namespace Hangar.Server.Tests.Updates;

/// <summary>A device of an <see cref="UpdateFleet"/> and its mutual-TLS client.</summary>
internal sealed record FleetDevice(DeviceResponse Device, HttpClient Http) : IDisposable
{
    public string Id => Device.Id.ToString();

    public void Dispose() => Http.Dispose();
}
