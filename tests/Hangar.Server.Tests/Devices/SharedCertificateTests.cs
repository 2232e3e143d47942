using System.Net;
using System.Security.Cryptography.X509Certificates;
using Hangar.Client;
using Hangar.Contracts.Devices;
using Hangar.Server.Tests.Fixtures;
using Hangar.Testing.Pki;

namespace Hangar.Server.Tests.Devices;

/// <summary>One certificate used from two addresses at once, under the default policy (flag): both are served, one event is recorded.</summary>
public abstract class SharedCertificateTests(ServerFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SharedCertificate_IsServedFromBothAddresses_AndFlaggedOnce()
    {
        var tenant = await fixture.NewTenantAsync();
        var product = await tenant.Owner.Products.CreateAsync(new CreateProductRequest("p"), cancellationToken: Cancel);
        var device = await tenant.Owner.Devices.CreateAsync(new CreateDeviceRequest("copied-1", product.Id.ToString()), cancellationToken: Cancel);
        var leaf = TestPki.Leaf(TestPki.Root(), "copied-1");
        await tenant.Owner.DeviceCertificates.CreateAsync(new CreateDeviceCertificateRequest(device.Id.ToString(), TestPki.Pem(leaf)), cancellationToken: Cancel);
        var elsewhere = IPAddress.Parse("127.0.0.2");

        foreach (var from in new[] { IPAddress.Loopback, elsewhere, IPAddress.Loopback, elsewhere })
        {
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(leaf, from));
        }

        var shared = Assert.Single((await tenant.Owner.Events.ListAsync(new ListOptions(Search: "type:'device.certificate_shared'"), Cancel)).Data);
        Assert.Equal(("device", device.Id), (shared.ResourceType, shared.ResourceId));
        Assert.Equal(("127.0.0.2", "127.0.0.1", "flag"),
            (shared.Data.GetProperty("ip_address").GetString(), shared.Data.GetProperty("other_ip_address").GetString(), shared.Data.GetProperty("policy").GetString()));
    }

    private async Task<HttpStatusCode> StatusAsync(X509Certificate2 leaf, IPAddress from)
    {
        using var http = DeviceHttp.Create(fixture.Server, leaf, from);
        using var response = await http.GetAsync("device/v1/me", Cancel);
        return response.StatusCode;
    }

    public sealed class OnSqlite(SqliteServer fixture) : SharedCertificateTests(fixture);

    public sealed class OnPostgres(PostgresServer fixture) : SharedCertificateTests(fixture);
}
