using System.Security.Cryptography.X509Certificates;
using Hangar.Contracts.Devices;

namespace Hangar.Server.Tests.Updates;

/// <summary>A device of an <see cref="UpdateFleet"/>, its mutual-TLS client and the certificate it holds.</summary>
internal sealed record FleetDevice(DeviceResponse Device, HttpClient Http, X509Certificate2 Leaf) : IDisposable
{
    public string Id => Device.Id.ToString();

    public void Dispose() => Http.Dispose();
}
