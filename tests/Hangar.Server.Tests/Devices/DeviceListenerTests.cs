using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Hangar.Client;
using Hangar.Contracts.Devices;
using Hangar.Data;
using Hangar.Data.Tenancy;
using Hangar.Server.Tests.Fixtures;
using Hangar.Testing.Pki;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hangar.Server.Tests.Devices;

/// <summary>Mutual TLS on real Kestrel (127.0.0.1:0) with certificates made here: who gets in, who does not, and what JITP writes.</summary>
public abstract class DeviceListenerTests(ServerFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RegisteredCertificate_IsAccepted_EvenWhenQuarantined()
    {
        var tenant = await fixture.NewTenantAsync();
        var product = await tenant.Owner.Products.CreateAsync(new CreateProductRequest("p"), cancellationToken: Cancel);
        var device = await tenant.Owner.Devices.CreateAsync(new CreateDeviceRequest("known-1", product.Id.ToString(), Quarantined: true), cancellationToken: Cancel);
        var leaf = TestPki.Leaf(TestPki.Root(), "known-1");
        await tenant.Owner.DeviceCertificates.CreateAsync(new CreateDeviceCertificateRequest(device.Id.ToString(), TestPki.Pem(leaf)), cancellationToken: Cancel);

        var me = await MeAsync(leaf);

        Assert.Equal(device.Id, me.Id);
        Assert.Equal(tenant.OrganizationId, me.OrganizationId);
        Assert.True(me.Quarantined);
        Assert.NotNull((await tenant.Owner.Devices.GetAsync(device.Id.ToString(), Cancel)).LastConnectedAt);
    }

    [Fact]
    public async Task NoClientCertificate_HandshakeIsRefused()
    {
        using var http = DeviceHttp.Create(fixture.Server, null);
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("device/v1/me", Cancel));
    }

    [Fact]
    public async Task RevokedCertificate_IsRejectedAtOnce()
    {
        var tenant = await fixture.NewTenantAsync();
        var product = await tenant.Owner.Products.CreateAsync(new CreateProductRequest("p"), cancellationToken: Cancel);
        var device = await tenant.Owner.Devices.CreateAsync(new CreateDeviceRequest("rev-1", product.Id.ToString()), cancellationToken: Cancel);
        var leaf = TestPki.Leaf(TestPki.Root(), "rev-1");
        var registered = await tenant.Owner.DeviceCertificates.CreateAsync(new CreateDeviceCertificateRequest(device.Id.ToString(), TestPki.Pem(leaf)), cancellationToken: Cancel);
        await MeAsync(leaf);

        await tenant.Owner.DeviceCertificates.RevokeAsync(registered.Id.ToString(), Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(leaf));
    }

    [Fact]
    public async Task RevokedCertificate_IsRejectedAtOnce_OnAConnectionThatStaysOpen()
    {
        var tenant = await fixture.NewTenantAsync();
        var product = await tenant.Owner.Products.CreateAsync(new CreateProductRequest("p"), cancellationToken: Cancel);
        var device = await tenant.Owner.Devices.CreateAsync(new CreateDeviceRequest("rev-open-1", product.Id.ToString()), cancellationToken: Cancel);
        var leaf = TestPki.Leaf(TestPki.Root(), "rev-open-1");
        var registered = await tenant.Owner.DeviceCertificates.CreateAsync(new CreateDeviceCertificateRequest(device.Id.ToString(), TestPki.Pem(leaf)), cancellationToken: Cancel);
        // One client, one keep-alive connection: what the connection remembers of its certificate must not outlive a revocation.
        using var http = DeviceHttp.Create(fixture.Server, leaf);
        using (var before = await http.GetAsync("device/v1/me", Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await tenant.Owner.DeviceCertificates.RevokeAsync(registered.Id.ToString(), Cancel);

        using var after = await http.GetAsync("device/v1/me", Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task Jitp_CreatesTheDeviceWithTheCaSettings()
    {
        var (tenant, ca, product, _) = await JitpTenantAsync();
        var leaf = TestPki.Leaf(ca, "jit-1");

        var me = await MeAsync(leaf);

        var device = await tenant.Owner.Devices.GetAsync(me.Id.ToString(), Cancel);
        Assert.Equal("jit-1", device.Identifier);
        Assert.Equal(product.Id, device.ProductId);
        Assert.Equal(["fleet"], device.Tags);
        Assert.Equal("armv7", device.Target);
        var certificate = Assert.Single((await tenant.Owner.DeviceCertificates.ListAsync(new ListOptions(Search: $"device_id:'{device.Id}'"), Cancel)).Data);
        Assert.NotNull(certificate.CaCertificateId);
        Assert.Single((await tenant.Owner.Audit.ListAsync(new ListOptions(Search: "action:'device.provision'"), Cancel)).Data);
        var created = Assert.Single((await tenant.Owner.Events.ListAsync(new ListOptions(Search: "type:'device.created'"), Cancel)).Data);
        Assert.Equal(device.Id, created.ResourceId);
        Assert.Equal("jitp", created.Data.GetProperty("source").GetString());
        Assert.Equal(certificate.CaCertificateId, created.Data.GetProperty("ca_certificate_id").GetGuid());
        Assert.Equal(("ca_certificate", certificate.CaCertificateId), (created.ActorType, created.ActorId));
    }

    [Fact]
    public async Task Jitp_Under50ParallelFirstConnections_CreatesOneDevice()
    {
        var (tenant, ca, _, _) = await JitpTenantAsync();
        var leaf = TestPki.Leaf(ca, "burst-1");

        var statuses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => StatusAsync(leaf)));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        var device = Assert.Single((await tenant.Owner.Devices.ListAsync(new ListOptions(Search: "identifier:'burst-1'"), Cancel)).Data);
        Assert.Single((await tenant.Owner.DeviceCertificates.ListAsync(cancellationToken: Cancel)).Data);
        var created = Assert.Single((await tenant.Owner.Events.ListAsync(new ListOptions(Search: "type:'device.created'"), Cancel)).Data);
        Assert.Equal(device.Id, created.ResourceId);
    }

    [Fact]
    public async Task UntrustedCertificates_AreRejected_AndNothingIsWritten()
    {
        var (tenant, ca, _, _) = await JitpTenantAsync();
        var disabledCa = TestPki.Root("CN=Disabled CA");
        var product = (await tenant.Owner.Products.ListAsync(cancellationToken: Cancel)).Data[0];
        var disabled = await CaRegistrar.RegisterAsync(tenant.Owner, disabledCa, new JitpRequest(product.Id.ToString()));
        await tenant.Owner.CaCertificates.UpdateAsync(disabled.Id.ToString(), new UpdateCaCertificateRequest(Enabled: false), Cancel);
        // Another organization registers a CA with the very same subject name, without JITP.
        var other = await fixture.NewTenantAsync();
        var lookalike = TestPki.Root(ca.Subject);
        await CaRegistrar.RegisterAsync(other.Owner, lookalike);
        var now = TimeProvider.System.GetUtcNow();

        var cases = new (string Name, X509Certificate2 Leaf)[]
        {
            ("unregistered CA", TestPki.Leaf(TestPki.Root("CN=Nobody's CA"), "x-1")),
            ("self-signed", TestPki.SelfSignedLeaf("x-2")),
            ("expired leaf", TestPki.Leaf(ca, "x-3", notBefore: now.AddDays(-10), notAfter: now.AddDays(-1))),
            ("leaf with CA=true", TestPki.Leaf(ca, "x-4", isCa: true)),
            ("issuer name of a registered CA, another key", TestPki.Leaf(TestPki.Root(ca.Subject), "x-5")),
            ("disabled CA", TestPki.Leaf(disabledCa, "x-6")),
            ("other organization's CA", TestPki.Leaf(lookalike, "x-7")),
        };
        foreach (var (name, leaf) in cases)
        {
            Assert.True(await StatusAsync(leaf) == HttpStatusCode.Unauthorized, name);
        }

        Assert.Empty((await tenant.Owner.Devices.ListAsync(cancellationToken: Cancel)).Data);
        Assert.Empty((await other.Owner.Devices.ListAsync(cancellationToken: Cancel)).Data);
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
        Assert.False(await db.DeviceCertificates.IgnoreQueryFilters([TenantFilter.Name]).AnyAsync(c => c.OrganizationId == tenant.OrganizationId || c.OrganizationId == other.OrganizationId, Cancel));
    }

    [Fact]
    public async Task CertificateNamingAnIssuerUrl_IsRefused_WithoutTheServerFetchingIt()
    {
        // The TLS layer builds the client's chain before Hangar sees it; with .NET's defaults it would download the
        // issuer from a URL the client chose, during the handshake.
        using var trap = new TcpListener(IPAddress.Loopback, 0);
        trap.Start();
        var leaf = TestPki.Leaf(TestPki.Root("CN=Unregistered AIA CA"), "aia-1", caIssuersUrl: $"http://127.0.0.1:{((IPEndPoint)trap.LocalEndpoint).Port}/ca.crt");

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(leaf));

        Assert.False(trap.Pending());
    }

    [Fact]
    public async Task DeviceApi_IsNotServedOnTheAdminListener_NorInTheAdminDocument()
    {
        using var admin = fixture.Server.CreateHttpClient(null);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("device/v1/me", Cancel)).StatusCode);
        var document = await admin.GetStringAsync("openapi/v1.json", Cancel);
        Assert.DoesNotContain("/device/v1", document, StringComparison.Ordinal);
        var serverCa = await fixture.Server.CreateClient(null).CaCertificates.ServerCaCertificateAsync(Cancel);
        Assert.StartsWith("-----BEGIN CERTIFICATE-----", serverCa, StringComparison.Ordinal);
    }

    private async Task<(Tenant Tenant, X509Certificate2 Ca, ProductResponse Product, CaCertificateResponse Registered)> JitpTenantAsync()
    {
        var tenant = await fixture.NewTenantAsync();
        var product = await tenant.Owner.Products.CreateAsync(new CreateProductRequest("jit"), cancellationToken: Cancel);
        var ca = TestPki.Root($"CN=JITP CA {Guid.CreateVersion7():N}", notBefore: TimeProvider.System.GetUtcNow().AddDays(-30));
        var registered = await CaRegistrar.RegisterAsync(tenant.Owner, ca, new JitpRequest(product.Id.ToString(), Tags: ["fleet"], Target: "armv7"));
        return (tenant, ca, product, registered);
    }

    private async Task<DeviceIdentityResponse> MeAsync(X509Certificate2 leaf)
    {
        using var http = DeviceHttp.Create(fixture.Server, leaf);
        using var response = await http.GetAsync("device/v1/me", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<DeviceIdentityResponse>(ApiTransport.JsonOptions, Cancel))!;
    }

    private async Task<HttpStatusCode> StatusAsync(X509Certificate2 leaf)
    {
        using var http = DeviceHttp.Create(fixture.Server, leaf);
        using var response = await http.GetAsync("device/v1/me", Cancel);
        return response.StatusCode;
    }

    public sealed class OnSqlite(SqliteServer fixture) : DeviceListenerTests(fixture);

    public sealed class OnPostgres(PostgresServer fixture) : DeviceListenerTests(fixture);
}
