using System.Net;
using System.Security.Cryptography.X509Certificates;
using Hangar.Contracts.Common;
using Hangar.Contracts.Devices;
using Hangar.Data;
using Hangar.Data.Tenancy;
using Hangar.Server.Tests.Fixtures;
using Hangar.Testing.Pki;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hangar.Server.Tests.Devices;

public abstract class CaCertificateTests(ServerFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RootCa_WithValidProof_IsRegistered_AndTheCodeIsSingleUse()
    {
        var tenant = await fixture.NewTenantAsync();
        var ca = TestPki.Root("CN=Fleet Root");
        var code = await tenant.Owner.CaCertificates.CreateVerificationCodeAsync(Cancel);
        Assert.Equal(48, code.VerificationCode.Length);
        var verification = TestPki.Pem(TestPki.Leaf(ca, code.VerificationCode));

        var registered = await tenant.Owner.CaCertificates.CreateAsync(new CreateCaCertificateRequest(TestPki.Pem(ca), verification), cancellationToken: Cancel);
        Assert.Equal("CN=Fleet Root", registered.Subject);
        Assert.True(registered.Enabled);
        Assert.Null(registered.Jitp);

        var second = TestPki.Root();
        var reused = await Api.ThrowsApiAsync(() => tenant.Owner.CaCertificates.CreateAsync(
            new CreateCaCertificateRequest(TestPki.Pem(second), TestPki.Pem(TestPki.Leaf(second, code.VerificationCode))), cancellationToken: Cancel));
        Assert.Equal(ErrorCodes.InvalidVerificationCode, reused.Code);
    }

    [Fact]
    public async Task IntermediateCa_NeedsItsChainToASelfSignedRoot()
    {
        var tenant = await fixture.NewTenantAsync();
        var root = TestPki.Root();
        var intermediate = TestPki.Intermediate(root);

        var withoutChain = await Api.ThrowsApiAsync(() => CaRegistrar.RegisterAsync(tenant.Owner, intermediate));
        Assert.Equal(ErrorCodes.InvalidCertificate, withoutChain.Code);
        Assert.Contains("chain", withoutChain.Problem!.Detail, StringComparison.Ordinal);

        var registered = await CaRegistrar.RegisterAsync(tenant.Owner, intermediate, chain: [root]);
        Assert.Equal(intermediate.Subject, registered.Subject);
    }

    [Fact]
    public async Task Registration_Rejections_AreClear400s_AndDoNotConsumeTheCode()
    {
        var tenant = await fixture.NewTenantAsync();
        var ca = TestPki.Root();
        var code = (await tenant.Owner.CaCertificates.CreateVerificationCodeAsync(Cancel)).VerificationCode;
        var good = TestPki.Pem(TestPki.Leaf(ca, code));
        var cases = new (string Name, string Certificate, string Verification, string Code)[]
        {
            ("wrong CN", TestPki.Pem(ca), TestPki.Pem(TestPki.Leaf(ca, "not-the-code")), ErrorCodes.InvalidVerificationCode),
            ("signed by another key", TestPki.Pem(ca), TestPki.Pem(TestPki.Leaf(TestPki.Root(ca.Subject), code)), ErrorCodes.InvalidCertificate),
            ("leaf uploaded as CA", TestPki.Pem(TestPki.Leaf(ca, "leaf")), good, ErrorCodes.InvalidCertificate),
            ("expired CA", TestPki.Pem(TestPki.Root(notBefore: TimeProvider.System.GetUtcNow().AddDays(-10), notAfter: TimeProvider.System.GetUtcNow().AddDays(-1))), good, ErrorCodes.InvalidCertificate),
            ("garbage", "hello", good, ErrorCodes.InvalidCertificate),
            ("PKCS#12", Convert.ToBase64String(ca.Export(X509ContentType.Pkcs12)), good, ErrorCodes.InvalidCertificate),
            ("two PEM blocks", TestPki.Pem(ca) + TestPki.Pem(TestPki.Root()), good, ErrorCodes.InvalidCertificate),
            ("private key block", ca.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem(), good, ErrorCodes.InvalidCertificate),
        };
        foreach (var (name, certificate, verification, expected) in cases)
        {
            var error = await Api.ThrowsApiAsync(() => tenant.Owner.CaCertificates.CreateAsync(new CreateCaCertificateRequest(certificate, verification), cancellationToken: Cancel));
            Assert.True(error.Status == HttpStatusCode.BadRequest && error.Code == expected, $"{name}: got {(int)error.Status} {error.Code}");
        }

        Assert.Empty((await tenant.Owner.CaCertificates.ListAsync(cancellationToken: Cancel)).Data);
        await tenant.Owner.CaCertificates.CreateAsync(new CreateCaCertificateRequest(TestPki.Pem(ca), good), cancellationToken: Cancel);
    }

    [Fact]
    public async Task ExpiredOrOtherOrganizationsCode_IsRefused()
    {
        var tenant = await fixture.NewTenantAsync();
        var other = await fixture.NewTenantAsync();
        var ca = TestPki.Root();
        var foreignCode = (await other.Owner.CaCertificates.CreateVerificationCodeAsync(Cancel)).VerificationCode;
        var foreign = await Api.ThrowsApiAsync(() => tenant.Owner.CaCertificates.CreateAsync(
            new CreateCaCertificateRequest(TestPki.Pem(ca), TestPki.Pem(TestPki.Leaf(ca, foreignCode))), cancellationToken: Cancel));
        Assert.Equal(ErrorCodes.InvalidVerificationCode, foreign.Code);

        var code = (await tenant.Owner.CaCertificates.CreateVerificationCodeAsync(Cancel)).VerificationCode;
        await using (var scope = fixture.Server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
            await db.CaVerificationCodes.IgnoreQueryFilters([TenantFilter.Name]).Where(c => c.OrganizationId == tenant.OrganizationId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.ExpiresAt, TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(-1)), Cancel);
        }

        var expired = await Api.ThrowsApiAsync(() => tenant.Owner.CaCertificates.CreateAsync(
            new CreateCaCertificateRequest(TestPki.Pem(ca), TestPki.Pem(TestPki.Leaf(ca, code))), cancellationToken: Cancel));
        Assert.Equal(ErrorCodes.InvalidVerificationCode, expired.Code);
    }

    [Fact]
    public async Task CaRegisteredByOneOrganization_CannotBeRegisteredByAnother()
    {
        var tenant = await fixture.NewTenantAsync();
        var other = await fixture.NewTenantAsync();
        var ca = TestPki.Root();
        await CaRegistrar.RegisterAsync(tenant.Owner, ca);

        var error = await Api.ThrowsApiAsync(() => CaRegistrar.RegisterAsync(other.Owner, ca));
        Assert.Equal(HttpStatusCode.Conflict, error.Status);
        Assert.Empty((await other.Owner.CaCertificates.ListAsync(cancellationToken: Cancel)).Data);
    }

    [Fact]
    public async Task Jitp_IsConfigurable_AndMustUseThisOrganizationsProduct()
    {
        var tenant = await fixture.NewTenantAsync();
        var other = await fixture.NewTenantAsync();
        var product = await tenant.Owner.Products.CreateAsync(new CreateProductRequest("p"), cancellationToken: Cancel);
        var foreignProduct = await other.Owner.Products.CreateAsync(new CreateProductRequest("q"), cancellationToken: Cancel);

        var refused = await Api.ThrowsApiAsync(() => CaRegistrar.RegisterAsync(tenant.Owner, TestPki.Root(), new JitpRequest(foreignProduct.Id.ToString())));
        Assert.Contains("jitp.product_id", refused.Problem!.Errors!.Keys);

        var ca = await CaRegistrar.RegisterAsync(tenant.Owner, TestPki.Root(), new JitpRequest(product.Id.ToString(), Tags: ["jit"], Target: "arm"));
        Assert.Equal(product.Id, ca.Jitp!.ProductId);
        Assert.Equal(["jit"], ca.Jitp.Tags);
        Assert.Equal("arm", ca.Jitp.Target);
        var disabled = await tenant.Owner.CaCertificates.UpdateAsync(ca.Id.ToString(), new UpdateCaCertificateRequest(Enabled: false, DisableJitp: true), Cancel);
        Assert.False(disabled.Enabled);
        Assert.Null(disabled.Jitp);
    }

    public sealed class OnSqlite(SqliteServer fixture) : CaCertificateTests(fixture);

    public sealed class OnPostgres(PostgresServer fixture) : CaCertificateTests(fixture);
}
