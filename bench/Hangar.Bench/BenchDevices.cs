using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using Hangar.Client;
using Hangar.Contracts.Devices;
using Hangar.Testing.Pki;

namespace Hangar.Bench;

/// <summary>Devices registered through the API, each with an ECDSA P-256 certificate signed by a test CA.</summary>
internal static class BenchDevices
{
    public static async Task<List<X509Certificate2>> RegisterAsync(HangarClient owner, X509Certificate2 ca, int count, string prefix)
    {
        var product = await owner.Products.CreateAsync(new CreateProductRequest(prefix));
        var certificates = new List<X509Certificate2>();
        for (var i = 0; i < count; i++)
        {
            var identifier = string.Create(CultureInfo.InvariantCulture, $"{prefix}-{i:00000}");
            var device = await owner.Devices.CreateAsync(new CreateDeviceRequest(identifier, product.Id.ToString()));
            var leaf = TestPki.Leaf(ca, identifier);
            await owner.DeviceCertificates.CreateAsync(new CreateDeviceCertificateRequest(device.Id.ToString(), TestPki.Pem(leaf)));
            certificates.Add(leaf);
        }

        return certificates;
    }
}
