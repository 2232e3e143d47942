using System.Net;
using Hangar.Contracts.Devices;
using Hangar.Server.Tests.Fixtures;
using Hangar.Testing;
using Hangar.Testing.Pki;

namespace Hangar.Server.Tests.Devices;

/// <summary>The trusted-proxy mode: the forwarded certificate header counts only from Server:TrustedProxies (docs/adr/0015-client-address.md).</summary>
public abstract class ForwardedCertificateTests(ServerFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("10.9.9.9", HttpStatusCode.Unauthorized)]
    [InlineData("127.0.0.1", HttpStatusCode.OK)]
    public async Task ForwardedCertificate_CountsOnlyFromTrustedProxies(string trustedProxy, HttpStatusCode expected)
    {
        await using var server = await HangarTestServer.StartAsync(fixture.Database, new Dictionary<string, string?>
        {
            ["Server:TrustedProxies:0"] = trustedProxy,
            ["DeviceIdentity:AcceptForwardedCertificates"] = "true",
        }, Cancel);
        var owner = server.CreateClient(server.Bootstrap!.ApiKey);
        var product = await owner.Products.CreateAsync(new CreateProductRequest("p"), cancellationToken: Cancel);
        var device = await owner.Devices.CreateAsync(new CreateDeviceRequest("proxied-1", product.Id.ToString()), cancellationToken: Cancel);
        var leaf = TestPki.Leaf(TestPki.Root(), "proxied-1");
        await owner.DeviceCertificates.CreateAsync(new CreateDeviceCertificateRequest(device.Id.ToString(), TestPki.Pem(leaf)), cancellationToken: Cancel);

        // The proxy's own connection carries no client certificate; the device's arrives URL-encoded, as nginx sends it.
        using var http = DeviceHttp.Create(server, null);
        using var request = new HttpRequestMessage(HttpMethod.Get, "device/v1/me");
        request.Headers.Add("X-Client-Cert", Uri.EscapeDataString(TestPki.Pem(leaf)));
        using var response = await http.SendAsync(request, Cancel);

        Assert.Equal(expected, response.StatusCode);
    }

    public sealed class OnSqlite(SqliteServer fixture) : ForwardedCertificateTests(fixture);

    public sealed class OnPostgres(PostgresServer fixture) : ForwardedCertificateTests(fixture);
}
