using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Hangar.Client;
using Hangar.Contracts.Audit;
using Hangar.Contracts.Common;
using Hangar.Contracts.Devices;
using Hangar.Core.Access;
using Hangar.Server.Tests.Fixtures;
using Hangar.Testing.Pki;

namespace Hangar.Server.Tests.Access;

/// <summary>One identity per request, decided before anything reads the body: the device listener's certificate, or the Admin API's key.</summary>
public abstract class RequestIdentityTests(ServerFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DeviceCertificate_WithAnotherOrganizationsApiKey_IsServedStrictlyAsTheDevice()
    {
        var tenant = await fixture.NewTenantAsync();
        var stranger = await fixture.NewTenantAsync();
        var product = await tenant.Owner.Products.CreateAsync(new CreateProductRequest("p"), cancellationToken: Cancel);
        var device = await tenant.Owner.Devices.CreateAsync(new CreateDeviceRequest("two-credentials", product.Id.ToString()), cancellationToken: Cancel);
        var leaf = TestPki.Leaf(TestPki.Root(), "two-credentials");
        await tenant.Owner.DeviceCertificates.CreateAsync(new CreateDeviceCertificateRequest(device.Id.ToString(), TestPki.Pem(leaf)), cancellationToken: Cancel);
        using var http = DeviceHttp.Create(fixture.Server, leaf);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", stranger.OwnerKey);

        using var me = await http.GetAsync("device/v1/me", Cancel);
        using var update = await http.GetAsync("device/v1/update", Cancel);

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        var identity = await me.Content.ReadFromJsonAsync<DeviceIdentityResponse>(ApiTransport.JsonOptions, Cancel);
        Assert.Equal((device.Id, tenant.OrganizationId), (identity!.Id, identity.OrganizationId));
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
    }

    [Fact]
    public async Task RefusedCallers_WithMalformedOrOversizedBodies_Get401Or403_NeverA400()
    {
        var tenant = await fixture.NewTenantAsync();
        using var viewer = fixture.Server.CreateHttpClient(await tenant.KeyAsync(Role.Viewer));
        using var anonymous = fixture.Server.CreateHttpClient(null);
        // Over the server's 2 MiB body limit; Expect: 100-continue lets the client hear the answer before sending it.
        using var oversized = new HttpRequestMessage(HttpMethod.Post, "api/v1/api_keys") { Content = Api.Json(new string('x', 3 * 1024 * 1024)) };
        oversized.Headers.ExpectContinue = true;

        using var anonymousMalformed = await anonymous.PostAsync("api/v1/api_keys", Api.Json("""{"name": """), Cancel);
        using var anonymousOversized = await anonymous.SendAsync(oversized, Cancel);
        using var viewerMalformed = await viewer.PostAsync("api/v1/api_keys", Api.Json("""{"role":"owner","junk":1"""), Cancel);
        using var viewerWrongType = await viewer.PostAsync("api/v1/api_keys", new StringContent("name=x", System.Text.Encoding.UTF8, "text/plain"), Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymousMalformed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousOversized.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, viewerMalformed.StatusCode);
        Assert.Equal(ErrorCodes.InsufficientRole, (await viewerMalformed.ProblemAsync()).Code);
        Assert.Equal(HttpStatusCode.Forbidden, viewerWrongType.StatusCode);
        var rows = await AuditAsync(tenant.Owner);
        Assert.Contains(rows, a => a.RequestId == RequestId(viewerMalformed) && a.Outcome == "denied" && a.StatusCode == 403 && a.Action == "api_key.create");
        Assert.Contains(rows, a => a.RequestId == RequestId(viewerWrongType) && a.Outcome == "denied" && a.StatusCode == 403);
    }

    [Fact]
    public async Task PermittedCaller_WithAnUnknownFieldOrWrongContentType_Gets4xx_AndExactlyOneAuditRow()
    {
        var tenant = await fixture.NewTenantAsync();
        using var operatorHttp = fixture.Server.CreateHttpClient(await tenant.KeyAsync(Role.Operator));

        using var junk = await operatorHttp.PostAsync("api/v1/api_keys", Api.Json("""{"name":"k","role":"owner","junk":1}"""), Cancel);
        using var wrongType = await operatorHttp.PostAsync("api/v1/api_keys", new StringContent("name=x", System.Text.Encoding.UTF8, "text/plain"), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, junk.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);
        // Only the key creation before and these two calls: one row each.
        var rows = (await AuditAsync(tenant.Owner)).Where(a => a.Action == "api_key.create").ToList();
        Assert.Equal(3, rows.Count);
        Assert.Single(rows, a => a.Outcome == "failed" && a.StatusCode == 400);
        Assert.Single(rows, a => a.Outcome == "failed" && a.StatusCode == 415);
    }

    private static string RequestId(HttpResponseMessage response) => Assert.Single(response.Headers.GetValues(HangarHeaders.RequestId));

    private static async Task<List<AuditEntryResponse>> AuditAsync(HangarClient client) =>
        [.. (await client.Audit.ListAsync(new ListOptions(Limit: 100), Cancel)).Data];

    public sealed class OnSqlite(SqliteServer fixture) : RequestIdentityTests(fixture);

    public sealed class OnPostgres(PostgresServer fixture) : RequestIdentityTests(fixture);
}
