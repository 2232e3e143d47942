using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Hangar.Client;
using Hangar.Contracts.Devices;
using Hangar.Contracts.Events;
using Hangar.Data;
using Hangar.Data.Devices;
using Hangar.Server.Tests.Fixtures;
using Hangar.Testing.Pki;
using Microsoft.Extensions.DependencyInjection;

namespace Hangar.Server.Tests.Devices;

/// <summary>
/// The device listener's policies on a server with a fake clock: weak or misused certificates refused at JITP and
/// when stored ones authenticate (each with its reason), the expiry grace of registered certificates, and a
/// certificate shared between two addresses denied.
/// </summary>
public abstract class IdentityPolicyTests(IdentityPolicyServer fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Jitp_RefusesWeakMisusedAndFutureCertificates_WithTheirReasons()
    {
        var tenant = await fixture.NewTenantAsync();
        var product = await tenant.Owner.Products.CreateAsync(new CreateProductRequest("jit"), cancellationToken: Cancel);
        var ca = TestPki.Root($"CN=Strength CA {Guid.CreateVersion7():N}", notBefore: TimeProvider.System.GetUtcNow().AddDays(-1));
        await CaRegistrar.RegisterAsync(tenant.Owner, ca, new JitpRequest(product.Id.ToString()));
        List<(string Name, X509Certificate2 Leaf, string Reason)> cases =
        [
            .. CertificateStrengthTests.WeakCases.Select((c, i) => (c.Name, c.Make(ca, $"weak-{i}"), c.Reason)),
            ("valid in 15 minutes", TestPki.Leaf(ca, "future-1", notBefore: fixture.Time.GetUtcNow().AddMinutes(15)), "certificate_not_yet_valid"),
        ];

        foreach (var (name, leaf, _) in cases)
        {
            Assert.True(await ForwardedStatusAsync(leaf) == HttpStatusCode.Unauthorized, name);
        }

        var failures = await FailuresAsync(tenant.Owner);
        foreach (var (name, leaf, reason) in cases)
        {
            var failed = Assert.Single(failures, f => f.Data.GetProperty("certificate").GetProperty("subject").GetString() == leaf.Subject);
            Assert.True(failed.Data.GetProperty("reason").GetString() == reason, $"{name}: {failed.Data.GetProperty("reason").GetString()}");
        }

        Assert.Empty((await tenant.Owner.Devices.ListAsync(cancellationToken: Cancel)).Data);
    }

    [Fact]
    public async Task StoredCertificates_AreCheckedAgainWhenTheyAuthenticate()
    {
        var tenant = await fixture.NewTenantAsync();
        var product = await tenant.Owner.Products.CreateAsync(new CreateProductRequest("p"), cancellationToken: Cancel);
        var device = await tenant.Owner.Devices.CreateAsync(new CreateDeviceRequest("stored-1", product.Id.ToString()), cancellationToken: Cancel);
        var ca = TestPki.Root();
        List<(string Name, X509Certificate2 Leaf, string Reason)> cases =
        [
            .. CertificateStrengthTests.WeakCases.Select(c => (c.Name, c.Make(ca, "stored-1"), c.Reason)),
            ("valid in an hour", TestPki.Leaf(ca, "stored-1", notBefore: fixture.Time.GetUtcNow().AddHours(1)), "certificate_not_yet_valid"),
        ];
        // Registered as an older server (or a database restore) would have left them, without today's upload checks.
        await StoreAsync(tenant.OrganizationId, device.Id, cases.Select(c => c.Leaf));

        foreach (var (name, leaf, _) in cases)
        {
            Assert.True(await ForwardedStatusAsync(leaf) == HttpStatusCode.Unauthorized, name);
        }

        var failures = await FailuresAsync(tenant.Owner);
        foreach (var (name, leaf, reason) in cases)
        {
            var failed = Assert.Single(failures, f => f.Data.GetProperty("certificate").GetProperty("fingerprint").GetString() == Fingerprint(leaf));
            Assert.True(failed.Data.GetProperty("reason").GetString() == reason, $"{name}: {failed.Data.GetProperty("reason").GetString()}");
            Assert.Equal(("device", device.Id), (failed.ResourceType, failed.ResourceId));
        }
    }

    [Fact]
    public async Task ExpiredRegisteredCertificate_WorksWithinTheGrace_Flagged_ThenIsRefused()
    {
        var tenant = await fixture.NewTenantAsync();
        var product = await tenant.Owner.Products.CreateAsync(new CreateProductRequest("p"), cancellationToken: Cancel);
        var device = await tenant.Owner.Devices.CreateAsync(new CreateDeviceRequest("grace-1", product.Id.ToString()), cancellationToken: Cancel);
        var leaf = TestPki.Leaf(TestPki.Root(), "grace-1", notAfter: fixture.Time.GetUtcNow().AddHours(1));
        await tenant.Owner.DeviceCertificates.CreateAsync(new CreateDeviceCertificateRequest(device.Id.ToString(), TestPki.Pem(leaf)), cancellationToken: Cancel);

        // Three days past its expiry: inside the default 7-day grace, every use works and the first is flagged.
        fixture.Time.Advance(TimeSpan.FromDays(3));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(leaf));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(leaf));
        var flagged = Assert.Single(await EventsAsync(tenant.Owner, "device.expired_certificate_used"));
        Assert.Equal(("device", device.Id), (flagged.ResourceType, flagged.ResourceId));
        Assert.Equal(leaf.NotAfter.ToUniversalTime(), flagged.Data.GetProperty("expired_at").GetDateTime(), TimeSpan.FromSeconds(1));

        fixture.Time.Advance(TimeSpan.FromDays(5));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(leaf));
        var failed = Assert.Single(await EventsAsync(tenant.Owner, "device.authentication_failed"));
        Assert.Equal("certificate_expired", failed.Data.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task SharedCertificate_UnderDeny_RefusesTheSecondAddress_AndRecordsIt()
    {
        var tenant = await fixture.NewTenantAsync();
        var product = await tenant.Owner.Products.CreateAsync(new CreateProductRequest("p"), cancellationToken: Cancel);
        var device = await tenant.Owner.Devices.CreateAsync(new CreateDeviceRequest("deny-1", product.Id.ToString()), cancellationToken: Cancel);
        var leaf = TestPki.Leaf(TestPki.Root(), "deny-1");
        await tenant.Owner.DeviceCertificates.CreateAsync(new CreateDeviceCertificateRequest(device.Id.ToString(), TestPki.Pem(leaf)), cancellationToken: Cancel);

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(leaf));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(leaf, IPAddress.Parse("127.0.0.2")));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(leaf));

        var shared = Assert.Single(await EventsAsync(tenant.Owner, "device.certificate_shared"));
        Assert.Equal(("127.0.0.2", "127.0.0.1", "deny"),
            (shared.Data.GetProperty("ip_address").GetString(), shared.Data.GetProperty("other_ip_address").GetString(), shared.Data.GetProperty("policy").GetString()));
        // After the window the new address may take over (a device that moved).
        fixture.Time.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(leaf, IPAddress.Parse("127.0.0.2")));
    }

    private async Task StoreAsync(Guid organizationId, Guid deviceId, IEnumerable<X509Certificate2> certificates)
    {
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
        var now = fixture.Time.GetUtcNow().UtcDateTime;
        foreach (var certificate in certificates)
        {
            db.DeviceCertificates.Add(new DeviceCertificate
            {
                Id = Guid.CreateVersion7(),
                OrganizationId = organizationId,
                DeviceId = deviceId,
                Fingerprint = Fingerprint(certificate),
                SpkiHash = Convert.ToHexStringLower(SHA256.HashData(certificate.PublicKey.ExportSubjectPublicKeyInfo())),
                Serial = certificate.SerialNumber.ToLowerInvariant(),
                Subject = certificate.Subject,
                Issuer = certificate.Issuer,
                NotBefore = certificate.NotBefore.ToUniversalTime(),
                NotAfter = certificate.NotAfter.ToUniversalTime(),
                Pem = certificate.ExportCertificatePem(),
                Status = CertificateStatus.Active,
                CreatedAt = now,
                UpdatedAt = now,
            });
        }

        await db.SaveChangesAsync(Cancel);
    }

    private static string Fingerprint(X509Certificate2 certificate) => Convert.ToHexStringLower(SHA256.HashData(certificate.RawData));

    private static async Task<List<EventResponse>> FailuresAsync(HangarClient client) => await EventsAsync(client, "device.authentication_failed");

    private static async Task<List<EventResponse>> EventsAsync(HangarClient client, string type) =>
        [.. (await client.Events.ListAsync(new ListOptions(Limit: 100, Search: $"type:'{type}'"), Cancel)).Data];

    private async Task<HttpStatusCode> StatusAsync(X509Certificate2 leaf, IPAddress? from = null)
    {
        using var http = DeviceHttp.Create(fixture.Server, leaf, from);
        using var response = await http.GetAsync("device/v1/me", Cancel);
        return response.StatusCode;
    }

    /// <summary>The certificate as a TLS-terminating proxy on 127.0.0.1 forwards it (the test's own TLS stack would refuse to present a weak key).</summary>
    private async Task<HttpStatusCode> ForwardedStatusAsync(X509Certificate2 leaf)
    {
        using var http = DeviceHttp.Create(fixture.Server, null);
        using var request = new HttpRequestMessage(HttpMethod.Get, "device/v1/me");
        request.Headers.Add("X-Client-Cert", Uri.EscapeDataString(TestPki.Pem(leaf)));
        using var response = await http.SendAsync(request, Cancel);
        return response.StatusCode;
    }

    public sealed class OnSqlite(IdentityPolicySqliteServer fixture) : IdentityPolicyTests(fixture), IClassFixture<IdentityPolicySqliteServer>;

    public sealed class OnPostgres(IdentityPolicyPostgresServer fixture) : IdentityPolicyTests(fixture), IClassFixture<IdentityPolicyPostgresServer>;
}
