using System.Net;
using Hangar.Client;
using Hangar.Contracts.Common;
using Hangar.Contracts.Devices;
using Hangar.Core.Access;
using Hangar.Server.Tests.Fixtures;
using Hangar.Testing.Pki;

namespace Hangar.Server.Tests.Devices;

public abstract class DeviceImportTests(ServerFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Import_ValidFile_CreatesEveryDeviceAndCertificate()
    {
        var tenant = await fixture.NewTenantAsync();
        await tenant.Owner.Products.CreateAsync(new CreateProductRequest("gw"), cancellationToken: Cancel);
        var product = (await tenant.Owner.Products.ListAsync(cancellationToken: Cancel)).Data[0];
        await tenant.Owner.Cohorts.CreateAsync(new CreateCohortRequest("prod", product.Id.ToString()), cancellationToken: Cancel);
        var ca = TestPki.Root();
        var certificates = TestPki.Pem(TestPki.Leaf(ca, "gw-2")) + "\n" + TestPki.Pem(TestPki.Leaf(ca, "gw-2"));
        var csv = "identifier,description,tags,product,cohort,certificates,target\n"
            + "gw-1,first,\"edge,eu\",gw,prod,,armv7\n"
            + $"gw-2,\"second, with comma\",,{product.Hrn},,\"{certificates}\",\n";

        var result = await tenant.Owner.Devices.ImportAsync(new ImportDevicesRequest(csv), Cancel);

        Assert.Equal(new ImportDevicesResponse(2, 2), result);
        var gw1 = Assert.Single((await tenant.Owner.Devices.ListAsync(new ListOptions(Search: "identifier:'gw-1'"), Cancel)).Data);
        Assert.Equal(["edge", "eu"], gw1.Tags);
        Assert.Equal("armv7", gw1.Target);
        Assert.NotNull(gw1.CohortId);
        var gw2 = Assert.Single((await tenant.Owner.Devices.ListAsync(new ListOptions(Search: "identifier:'gw-2'"), Cancel)).Data);
        Assert.Equal("second, with comma", gw2.Description);
        var certs = await tenant.Owner.DeviceCertificates.ListAsync(new ListOptions(Search: $"device_id:'{gw2.Id}'"), Cancel);
        Assert.Equal(2, certs.Data.Count);
    }

    [Fact]
    public async Task Import_FileWithOneBadRow_ImportsNothing_AndNamesRowAndField()
    {
        var tenant = await fixture.NewTenantAsync();
        await tenant.Owner.Products.CreateAsync(new CreateProductRequest("gw"), cancellationToken: Cancel);
        var csv = "identifier,description,tags,product,cohort,certificates,target\n"
            + "ok-1,,,gw,,,\n"
            + "ok-2,,,no-such-product,,,\n"
            + "ok-3,,,gw,no-such-cohort,,\n"
            + "ok-1,,,gw,,,\n";

        var error = await Api.ThrowsApiAsync(() => tenant.Owner.Devices.ImportAsync(new ImportDevicesRequest(csv), Cancel));

        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
        Assert.Equal(ErrorCodes.ImportFailed, error.Code);
        Assert.Equal(["row 3.product", "row 4.cohort", "row 5.identifier"], error.Problem!.Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Empty((await tenant.Owner.Devices.ListAsync(cancellationToken: Cancel)).Data);
    }

    [Fact]
    public async Task Import_CertificateWithWrongCnOrCaFlag_IsReportedOnItsRow()
    {
        var tenant = await fixture.NewTenantAsync();
        await tenant.Owner.Products.CreateAsync(new CreateProductRequest("gw"), cancellationToken: Cancel);
        var ca = TestPki.Root();
        var csv = $"a-1,,,gw,,\"{TestPki.Pem(TestPki.Leaf(ca, "someone-else"))}\",\n"
            + $"a-2,,,gw,,\"{TestPki.Pem(TestPki.Leaf(ca, "a-2", isCa: true))}\",\n"
            + "a-3,,,gw,,not a certificate,\n";

        var error = await Api.ThrowsApiAsync(() => tenant.Owner.Devices.ImportAsync(new ImportDevicesRequest(csv), Cancel));

        Assert.Equal(["row 1.certificates", "row 2.certificates", "row 3.certificates"], error.Problem!.Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Empty((await tenant.Owner.Devices.ListAsync(cancellationToken: Cancel)).Data);
    }

    [Fact]
    public async Task Import_WithCertificates_NeedsAdmin()
    {
        var tenant = await fixture.NewTenantAsync();
        await tenant.Owner.Products.CreateAsync(new CreateProductRequest("gw"), cancellationToken: Cancel);
        var operatorClient = await tenant.ClientAsync(Role.Operator);
        var csv = $"op-1,,,gw,,\"{TestPki.Pem(TestPki.Leaf(TestPki.Root(), "op-1"))}\",\n";

        var error = await Api.ThrowsApiAsync(() => operatorClient.Devices.ImportAsync(new ImportDevicesRequest(csv), Cancel));
        Assert.Equal(HttpStatusCode.Forbidden, error.Status);
        Assert.Equal(1, (await operatorClient.Devices.ImportAsync(new ImportDevicesRequest("op-2,,,gw,,,\n"), Cancel)).Devices);
    }

    public sealed class OnSqlite(SqliteServer fixture) : DeviceImportTests(fixture);

    public sealed class OnPostgres(PostgresServer fixture) : DeviceImportTests(fixture);
}
