using System.Net;
using System.Security.Cryptography.X509Certificates;
using Hangar.Client;
using Hangar.Contracts.Devices;
using Hangar.Contracts.Events;
using Hangar.Server.Tests.Fixtures;
using Hangar.Testing.Pki;

namespace Hangar.Server.Tests.Devices;

/// <summary>
/// device.authentication_failed on real Kestrel: recorded in the organization a refused certificate proved it belongs
/// to, at most once per certificate and reason per minute; refusals nobody can be held to are only logged.
/// </summary>
public abstract class AuthenticationFailureEventTests(ServerFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RevokedCertificate_RecordsOneEventAgainstItsDevice_HoweverOftenItTries()
    {
        var tenant = await fixture.NewTenantAsync();
        var product = await tenant.Owner.Products.CreateAsync(new CreateProductRequest("p"), cancellationToken: Cancel);
        var device = await tenant.Owner.Devices.CreateAsync(new CreateDeviceRequest("revoked-1", product.Id.ToString()), cancellationToken: Cancel);
        var leaf = TestPki.Leaf(TestPki.Root(), "revoked-1");
        var registered = await tenant.Owner.DeviceCertificates.CreateAsync(new CreateDeviceCertificateRequest(device.Id.ToString(), TestPki.Pem(leaf)), cancellationToken: Cancel);
        await tenant.Owner.DeviceCertificates.RevokeAsync(registered.Id.ToString(), Cancel);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(leaf));
        }

        var failed = Assert.Single(await FailuresAsync(tenant.Owner));
        Assert.Equal(("device", device.Id), (failed.ResourceType, failed.ResourceId));
        Assert.Equal(("device", (Guid?)device.Id, "revoked-1"), (failed.ActorType, failed.ActorId, failed.ActorName));
        Assert.Equal("certificate_revoked", failed.Data.GetProperty("reason").GetString());
        Assert.Equal("127.0.0.1", failed.Data.GetProperty("ip_address").GetString());
        var certificate = failed.Data.GetProperty("certificate");
        Assert.Equal(registered.Fingerprint, certificate.GetProperty("fingerprint").GetString());
        Assert.Equal(registered.Serial, certificate.GetProperty("serial").GetString());
        Assert.Equal("CN=revoked-1", certificate.GetProperty("subject").GetString());
        Assert.Equal(device.Id, failed.Data.GetProperty("device_id").GetGuid());
    }

    [Fact]
    public async Task CertificatesSignedByARegisteredCa_AreRecordedAgainstThatCa_WithTheirReason()
    {
        var tenant = await fixture.NewTenantAsync();
        var product = await tenant.Owner.Products.CreateAsync(new CreateProductRequest("jit"), cancellationToken: Cancel);
        var jitpCa = TestPki.Root($"CN=JITP CA {Guid.CreateVersion7():N}");
        var jitp = await CaRegistrar.RegisterAsync(tenant.Owner, jitpCa, new JitpRequest(product.Id.ToString()));
        var plainCa = TestPki.Root($"CN=Plain CA {Guid.CreateVersion7():N}");
        var plain = await CaRegistrar.RegisterAsync(tenant.Owner, plainCa);
        var disabledCa = TestPki.Root($"CN=Disabled CA {Guid.CreateVersion7():N}");
        var disabled = await CaRegistrar.RegisterAsync(tenant.Owner, disabledCa, new JitpRequest(product.Id.ToString()));
        await tenant.Owner.CaCertificates.UpdateAsync(disabled.Id.ToString(), new UpdateCaCertificateRequest(Enabled: false), Cancel);
        var existing = await tenant.Owner.Devices.CreateAsync(new CreateDeviceRequest("taken-1", product.Id.ToString()), cancellationToken: Cancel);

        var cases = new (X509Certificate2 Leaf, string Reason, CaCertificateResponse Ca, Guid? Device)[]
        {
            (TestPki.Leaf(disabledCa, "d-1"), "ca_disabled", disabled, null),
            (TestPki.Leaf(plainCa, "p-1"), "jitp_disabled", plain, null),
            (TestPki.Leaf(jitpCa, "c-1", isCa: true), "certificate_is_ca", jitp, null),
            (TestPki.Leaf(jitpCa, "taken-1"), "multi_cert_jitr_disabled", jitp, existing.Id),
        };
        foreach (var (leaf, _, _, _) in cases)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(leaf));
        }

        var failures = await FailuresAsync(tenant.Owner);
        Assert.Equal(cases.Length, failures.Count);
        foreach (var (leaf, reason, ca, deviceId) in cases)
        {
            var failed = Assert.Single(failures, f => f.Data.GetProperty("reason").GetString() == reason);
            Assert.Equal(leaf.Subject, failed.Data.GetProperty("certificate").GetProperty("subject").GetString());
            Assert.Equal(ca.Id, failed.Data.GetProperty("ca_certificate_id").GetGuid());
            Assert.Equal(deviceId is null ? ("ca_certificate", ca.Id) : ("device", deviceId.Value), (failed.ResourceType, failed.ResourceId));
        }

        Assert.Equal([existing.Id], (await tenant.Owner.Devices.ListAsync(cancellationToken: Cancel)).Data.Select(d => d.Id));
        Assert.Empty((await tenant.Owner.DeviceCertificates.ListAsync(cancellationToken: Cancel)).Data);
    }

    [Fact]
    public async Task CertificatesThatProveNoOrganization_AreOnlyLogged()
    {
        var tenant = await fixture.NewTenantAsync();
        var product = await tenant.Owner.Products.CreateAsync(new CreateProductRequest("jit"), cancellationToken: Cancel);
        var ca = TestPki.Root($"CN=Named CA {Guid.CreateVersion7():N}");
        await CaRegistrar.RegisterAsync(tenant.Owner, ca, new JitpRequest(product.Id.ToString()));

        // Anyone can put a registered CA's name in the issuer field; only its key makes the signature.
        var lookalike = TestPki.Leaf(TestPki.Root(ca.Subject), "x-1");
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(lookalike));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(TestPki.SelfSignedLeaf("x-2")));

        Assert.Empty(await FailuresAsync(tenant.Owner));
    }

    private static async Task<List<EventResponse>> FailuresAsync(HangarClient client) =>
        [.. (await client.Events.ListAsync(new ListOptions(Limit: 100, Search: "type:'device.authentication_failed'"), Cancel)).Data];

    private async Task<HttpStatusCode> StatusAsync(X509Certificate2 leaf)
    {
        using var http = DeviceHttp.Create(fixture.Server, leaf);
        using var response = await http.GetAsync("device/v1/me", Cancel);
        return response.StatusCode;
    }

    public sealed class OnSqlite(SqliteServer fixture) : AuthenticationFailureEventTests(fixture);

    public sealed class OnPostgres(PostgresServer fixture) : AuthenticationFailureEventTests(fixture);
}
