using System.Diagnostics.Metrics;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Hangar.Client;
using Hangar.Contracts.Devices;
using Hangar.Contracts.Events;
using Hangar.Server.Tests.Fixtures;
using Hangar.Server.Tests.Telemetry;
using Hangar.Testing.Pki;

namespace Hangar.Server.Tests.Devices;

/// <summary>
/// Weak keys, weak signatures, certificates not meant for TLS clients and malformed certificate blocks are refused at
/// at upload and CSV import; JITP allows some clock skew; unknown issuers are counted. (JITP and authentication of
/// stored certificates: <see cref="IdentityPolicyTests"/>.)
/// </summary>
public abstract class CertificateStrengthTests(ServerFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    internal static (string Name, Func<X509Certificate2, string, X509Certificate2> Make, string Reason)[] WeakCases =>
    [
        ("RSA-1024 key", (ca, cn) => TestPki.Leaf(ca, cn, key: LeafKey.Rsa1024), "weak_key"),
        ("P-224 key", (ca, cn) => TestPki.Leaf(ca, cn, key: LeafKey.EcdsaP224), "weak_key"),
        ("SHA-1 signature", (ca, cn) => TestPki.Leaf(ca, cn, signatureHash: HashAlgorithmName.SHA1), "weak_signature"),
        ("serverAuth only", (ca, cn) => TestPki.Leaf(ca, cn, extendedKeyUsages: [TestPki.ServerAuthentication]), "client_auth_not_permitted"),
    ];

    [Fact]
    public async Task Upload_RefusesWeakAndServerOnlyCertificates_AndAcceptsStrongOnes()
    {
        var tenant = await fixture.NewTenantAsync();
        var product = await tenant.Owner.Products.CreateAsync(new CreateProductRequest("p"), cancellationToken: Cancel);
        var device = await tenant.Owner.Devices.CreateAsync(new CreateDeviceRequest("up-1", product.Id.ToString()), cancellationToken: Cancel);
        var ca = TestPki.Root();

        foreach (var (name, make, _) in WeakCases)
        {
            var error = await Assert.ThrowsAsync<HangarApiException>(() => tenant.Owner.DeviceCertificates.CreateAsync(
                new CreateDeviceCertificateRequest(device.Id.ToString(), TestPki.Pem(make(ca, "up-1"))), cancellationToken: Cancel));
            Assert.True(error.Code == "invalid_certificate", name);
        }

        // Still accepted: RSA-2048, and no extended key usage at all (any use).
        await tenant.Owner.DeviceCertificates.CreateAsync(
            new CreateDeviceCertificateRequest(device.Id.ToString(), TestPki.Pem(TestPki.Leaf(ca, "up-1", key: LeafKey.Rsa2048))), cancellationToken: Cancel);
        await tenant.Owner.DeviceCertificates.CreateAsync(
            new CreateDeviceCertificateRequest(device.Id.ToString(), TestPki.Pem(TestPki.Leaf(ca, "up-1", extendedKeyUsages: []))), cancellationToken: Cancel);
    }

    [Fact]
    public async Task CsvImport_RefusesWeakCertificates_AndImportsNothing()
    {
        var tenant = await fixture.NewTenantAsync();
        await tenant.Owner.Products.CreateAsync(new CreateProductRequest("gw"), cancellationToken: Cancel);
        var ca = TestPki.Root();
        var csv = "identifier,description,tags,product,cohort,certificates,target\n"
            + $"csv-1,,,gw,,\"{TestPki.Pem(TestPki.Leaf(ca, "csv-1", signatureHash: HashAlgorithmName.SHA1))}\",\n"
            + $"csv-2,,,gw,,\"{TestPki.Pem(TestPki.Leaf(ca, "csv-2", extendedKeyUsages: [TestPki.ServerAuthentication]))}\",\n";

        var error = await Assert.ThrowsAsync<HangarApiException>(() => tenant.Owner.Devices.ImportAsync(new ImportDevicesRequest(csv), Cancel));

        Assert.Equal((HttpStatusCode.BadRequest, "import_failed"), (error.Status, error.Code));
        Assert.Contains(error.Problem!.Errors!.Keys, k => k.StartsWith("row 2.", StringComparison.Ordinal));
        Assert.Contains(error.Problem!.Errors!.Keys, k => k.StartsWith("row 3.", StringComparison.Ordinal));
        Assert.Empty((await tenant.Owner.Devices.ListAsync(cancellationToken: Cancel)).Data);
    }

    [Fact]
    public async Task Jitp_AllowsClockSkew_AndRefusesCertificatesValidOnlyLater()
    {
        var tenant = await fixture.NewTenantAsync();
        var product = await tenant.Owner.Products.CreateAsync(new CreateProductRequest("jit"), cancellationToken: Cancel);
        var ca = TestPki.Root($"CN=Skew CA {Guid.CreateVersion7():N}", notBefore: TimeProvider.System.GetUtcNow().AddDays(-1));
        await CaRegistrar.RegisterAsync(tenant.Owner, ca, new JitpRequest(product.Id.ToString()));
        var now = TimeProvider.System.GetUtcNow();
        var later = TestPki.Leaf(ca, "later-1", notBefore: now.AddMinutes(15));

        // Within the 5-minute allowance (a device clock a little behind the CA's) the certificate provisions.
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(TestPki.Leaf(ca, "skewed-1", notBefore: now.AddMinutes(2))));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(later));

        var failed = Assert.Single(await FailuresAsync(tenant.Owner));
        Assert.Equal("certificate_not_yet_valid", failed.Data.GetProperty("reason").GetString());
        Assert.Equal(later.Subject, failed.Data.GetProperty("certificate").GetProperty("subject").GetString());
    }

    [Fact]
    public async Task CertificateBlocksWithTrailingBytes_AreRefused()
    {
        var tenant = await fixture.NewTenantAsync();
        var product = await tenant.Owner.Products.CreateAsync(new CreateProductRequest("p"), cancellationToken: Cancel);
        var device = await tenant.Owner.Devices.CreateAsync(new CreateDeviceRequest("trail-1", product.Id.ToString()), cancellationToken: Cancel);
        var ca = TestPki.Root($"CN=Trailing CA {Guid.CreateVersion7():N}");
        var code = await tenant.Owner.CaCertificates.CreateVerificationCodeAsync(Cancel);
        var verification = TestPki.Leaf(ca, code.VerificationCode);

        var caError = await Assert.ThrowsAsync<HangarApiException>(() => tenant.Owner.CaCertificates.CreateAsync(
            new CreateCaCertificateRequest(TestPki.PemWithTrailingBytes(ca, 0x05, 0x00), TestPki.Pem(verification), null, "trailing", null), cancellationToken: Cancel));
        var deviceError = await Assert.ThrowsAsync<HangarApiException>(() => tenant.Owner.DeviceCertificates.CreateAsync(
            new CreateDeviceCertificateRequest(device.Id.ToString(), TestPki.PemWithTrailingBytes(TestPki.Leaf(ca, "trail-1"), 0x05, 0x00)), cancellationToken: Cancel));

        Assert.Equal((HttpStatusCode.BadRequest, "invalid_certificate"), (caError.Status, caError.Code));
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_certificate"), (deviceError.Status, deviceError.Code));
        // The same blocks without the extra bytes are fine: the code was not used up by the refusal.
        await tenant.Owner.CaCertificates.CreateAsync(
            new CreateCaCertificateRequest(TestPki.Pem(ca), TestPki.Pem(verification), null, "trailing", null), cancellationToken: Cancel);
    }

    [Fact]
    public async Task UnknownIssuer_IsCountedWithItsOwnReason_AndRecordedInNoOrganization()
    {
        var tenant = await fixture.NewTenantAsync();
        var product = await tenant.Owner.Products.CreateAsync(new CreateProductRequest("jit"), cancellationToken: Cancel);
        await CaRegistrar.RegisterAsync(tenant.Owner, TestPki.Root($"CN=Known CA {Guid.CreateVersion7():N}"), new JitpRequest(product.Id.ToString()));
        var reasons = new List<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument is { Meter.Name: "Hangar.Server.DeviceIdentity", Name: "hangar.device.authentication.refusals" })
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "reason" && tag.Value is string reason)
                {
                    lock (reasons)
                    {
                        reasons.Add(reason);
                    }
                }
            }
        });
        listener.Start();
        using var failures = new AuthenticationFailureRecorder(fixture.Server.Services);

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(TestPki.Leaf(TestPki.Root("CN=Stranger CA"), "stranger-1")));

        lock (reasons)
        {
            Assert.Contains("unknown_issuer", reasons);
        }

        // Also one of the server's refused credentials, under the device certificate scheme.
        Assert.Contains(("device_certificate", "unknown_issuer"), failures.Refused);

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

    public sealed class OnSqlite(SqliteServer fixture) : CertificateStrengthTests(fixture);

    public sealed class OnPostgres(PostgresServer fixture) : CertificateStrengthTests(fixture);
}
