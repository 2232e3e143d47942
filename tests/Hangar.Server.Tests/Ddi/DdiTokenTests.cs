using System.Net;
using System.Net.Http.Headers;
using Hangar.Contracts.Ddi;
using Hangar.Contracts.Devices;
using Hangar.Server.Tests.Fixtures;
using Hangar.Server.Tests.Telemetry;

namespace Hangar.Server.Tests.Ddi;

/// <summary>
/// hawkBit target and gateway tokens on the DDI listener (real Kestrel, plain http): what each proves, what is
/// refused (and recorded), auto-creation of unknown controllers, and configData stored on the device.
/// </summary>
public abstract class DdiTokenTests(DdiServer fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TargetToken_PollsItsOwnController_InHawkBitsShape()
    {
        var (tenant, device) = await DeviceAsync("tt-1");
        var token = await tenant.Owner.Ddi.CreateTargetTokenAsync(device.Id.ToString(), Cancel);

        using var response = await GetAsync($"{tenant.OrganizationId}/controller/v1/tt-1", "TargetToken", token.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/hal+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.JsonAsync();
        Assert.Equal("00:05:00", body.GetProperty("config").GetProperty("polling").GetProperty("sleep").GetString());
        // A controller that never sent attributes is asked for them, as hawkBit does at its first registration.
        Assert.EndsWith("/controller/v1/tt-1/configData", body.GetProperty("_links").GetProperty("configData").GetProperty("href").GetString(), StringComparison.Ordinal);
        var target = await tenant.Owner.Ddi.GetTargetAsync(device.Id.ToString(), Cancel);
        Assert.True(target.HasTargetToken);
        Assert.NotNull(target.TargetTokenLastUsedAt);
        Assert.NotNull((await tenant.Owner.Devices.GetAsync(device.Id.ToString(), Cancel)).LastConnectedAt);
    }

    [Fact]
    public async Task TargetToken_ForAnotherController_IsRefusedAndRecorded()
    {
        var (tenant, device) = await DeviceAsync("tt-own");
        await DeviceOfAsync(tenant, "tt-other");
        var token = await tenant.Owner.Ddi.CreateTargetTokenAsync(device.Id.ToString(), Cancel);
        using var failures = new AuthenticationFailureRecorder(fixture.Server.Services);

        using var response = await GetAsync($"{tenant.OrganizationId}/controller/v1/tt-other", "TargetToken", token.Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(("ddi_token", "token_of_another_controller"), failures.Refused);
        Assert.Equal("device_unauthenticated", (await response.ProblemAsync()).Code);
        var events = await tenant.Owner.Events.ListAsync(new Client.ListOptions(Search: "type:'ddi.authentication_failed'"), Cancel);
        var refused = Assert.Single(events.Data);
        Assert.Equal(device.Id, refused.ResourceId);
        Assert.Equal("token_of_another_controller", refused.Data.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task TargetToken_ReplacedOrRevoked_StopsWorking()
    {
        var (tenant, device) = await DeviceAsync("tt-rev");
        var first = await tenant.Owner.Ddi.CreateTargetTokenAsync(device.Id.ToString(), Cancel);
        var second = await tenant.Owner.Ddi.CreateTargetTokenAsync(device.Id.ToString(), Cancel);
        var path = $"{tenant.OrganizationId}/controller/v1/tt-rev";

        using (var replaced = await GetAsync(path, "TargetToken", first.Token))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, replaced.StatusCode);
        }

        using (var current = await GetAsync(path, "TargetToken", second.Token))
        {
            Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        }

        await tenant.Owner.Ddi.RevokeTargetTokenAsync(device.Id.ToString(), Cancel);
        using var revoked = await GetAsync(path, "TargetToken", second.Token);
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        Assert.False((await tenant.Owner.Ddi.GetTargetAsync(device.Id.ToString(), Cancel)).HasTargetToken);
    }

    [Fact]
    public async Task NoToken_OrACertificateRoute_IsRefused()
    {
        var (tenant, _) = await DeviceAsync("tt-none");

        using var anonymous = await GetAsync($"{tenant.OrganizationId}/controller/v1/tt-none", null, null);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        // The DDI listener serves the DDI routes only: the native device API and the Admin API are not there.
        using var http = Http();
        using var native = await http.GetAsync("device/v1/me", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, native.StatusCode);
    }

    [Fact]
    public async Task GatewayToken_ActsForAnyControllerOfItsTenant_UntilRevoked()
    {
        var (tenant, _) = await DeviceAsync("gw-known");
        var created = await tenant.Owner.Ddi.CreateGatewayTokenAsync(new CreateDdiGatewayTokenRequest("factory"), cancellationToken: Cancel);
        var organization = await tenant.Owner.Organizations.GetAsync(tenant.OrganizationId.ToString(), Cancel);

        // The tenant segment is the organization's name, in any case.
        using (var known = await GetAsync($"{organization.Name.ToUpperInvariant().Replace(" ", "%20", StringComparison.Ordinal)}/controller/v1/gw-known", "GatewayToken", created.Token))
        {
            Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        }

        var other = await fixture.NewTenantAsync();
        using (var elsewhere = await GetAsync($"{other.OrganizationId}/controller/v1/gw-known", "GatewayToken", created.Token))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, elsewhere.StatusCode);
        }

        Assert.NotNull(Assert.Single((await tenant.Owner.Ddi.ListGatewayTokensAsync(cancellationToken: Cancel)).Data).LastUsedAt);
        await tenant.Owner.Ddi.RevokeGatewayTokenAsync(created.GatewayToken.Id.ToString(), Cancel);
        using var revoked = await GetAsync($"{tenant.OrganizationId}/controller/v1/gw-known", "GatewayToken", created.Token);
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        var events = await tenant.Owner.Events.ListAsync(new Client.ListOptions(Search: "type:'ddi.authentication_failed'"), Cancel);
        Assert.Equal(new[] { "revoked", "token_of_another_tenant" }, events.Data.Select(e => e.Data.GetProperty("reason").GetString()!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task GatewayToken_UnknownController_IsCreatedInTheConfiguredProduct_Or404WithoutIt()
    {
        var tenant = await fixture.NewTenantAsync();
        var created = await tenant.Owner.Ddi.CreateGatewayTokenAsync(new CreateDdiGatewayTokenRequest("factory"), cancellationToken: Cancel);

        using (var withoutProduct = await GetAsync($"{tenant.OrganizationId}/controller/v1/gw-new", "GatewayToken", created.Token))
        {
            Assert.Equal(HttpStatusCode.NotFound, withoutProduct.StatusCode);
        }

        var product = await tenant.Owner.Products.CreateAsync(new CreateProductRequest(DdiServer.AutoCreateProduct), cancellationToken: Cancel);
        using (var poll = await GetAsync($"{tenant.OrganizationId}/controller/v1/gw-new", "GatewayToken", created.Token))
        {
            Assert.Equal(HttpStatusCode.OK, poll.StatusCode);
        }

        var device = Assert.Single((await tenant.Owner.Devices.ListAsync(new Client.ListOptions(Search: "identifier:'gw-new'"), Cancel)).Data);
        Assert.Equal(product.Id, device.ProductId);
        var events = await tenant.Owner.Events.ListAsync(new Client.ListOptions(Search: "type:'device.created'"), Cancel);
        Assert.Equal("ddi", Assert.Single(events.Data).Data.GetProperty("source").GetString());
    }

    [Fact]
    public async Task ConfigData_MergesReplacesAndRemoves_AndThePollStopsAskingForIt()
    {
        var (tenant, device) = await DeviceAsync("cfg-1");
        var token = (await tenant.Owner.Ddi.CreateTargetTokenAsync(device.Id.ToString(), Cancel)).Token;
        var path = $"{tenant.OrganizationId}/controller/v1/cfg-1";

        await PutConfigAsync(path, token, """{"mode":"merge","data":{"VIN":"JH4TB2H26CC000000","hwRevision":"2"}}""");
        await PutConfigAsync(path, token, """{"data":{"hwRevision":"3","board":"imx8"}}""");
        Assert.Equal(new Dictionary<string, string> { ["VIN"] = "JH4TB2H26CC000000", ["board"] = "imx8", ["hwRevision"] = "3" },
            (await tenant.Owner.Ddi.GetTargetAsync(device.Id.ToString(), Cancel)).Attributes);
        await PutConfigAsync(path, token, """{"mode":"remove","data":{"VIN":""}}""");
        Assert.Equal(["board", "hwRevision"], (await tenant.Owner.Ddi.GetTargetAsync(device.Id.ToString(), Cancel)).Attributes.Keys.Order());
        await PutConfigAsync(path, token, """{"mode":"replace","data":{"sw":"1.0"}}""");
        Assert.Equal(new Dictionary<string, string> { ["sw"] = "1.0" }, (await tenant.Owner.Ddi.GetTargetAsync(device.Id.ToString(), Cancel)).Attributes);

        using (var poll = await GetAsync(path, "TargetToken", token))
        {
            Assert.False((await poll.JsonAsync()).GetProperty("_links").TryGetProperty("configData", out _));
        }

        await tenant.Owner.Ddi.RequestAttributesAsync(device.Id.ToString(), Cancel);
        using (var asked = await GetAsync(path, "TargetToken", token))
        {
            Assert.True((await asked.JsonAsync()).GetProperty("_links").TryGetProperty("configData", out _));
        }

        using var http = Http("TargetToken", token);
        using var invalid = await http.PutAsync(path + "/configData", Api.Json("""{"mode":"upsert","data":{}}"""), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
    }

    private async Task PutConfigAsync(string path, string token, string json)
    {
        using var http = Http("TargetToken", token);
        using var response = await http.PutAsync(path + "/configData", Api.Json(json), Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<(Tenant Tenant, DeviceResponse Device)> DeviceAsync(string identifier)
    {
        var tenant = await fixture.NewTenantAsync();
        return (tenant, await DeviceOfAsync(tenant, identifier));
    }

    private static async Task<DeviceResponse> DeviceOfAsync(Tenant tenant, string identifier)
    {
        var product = await tenant.Owner.Products.CreateAsync(new CreateProductRequest($"p-{identifier}"), cancellationToken: Cancel);
        return await tenant.Owner.Devices.CreateAsync(new CreateDeviceRequest(identifier, product.Id.ToString()), cancellationToken: Cancel);
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string? scheme, string? token)
    {
        using var http = Http(scheme, token);
        return await http.GetAsync(path, Cancel);
    }

    private HttpClient Http(string? scheme = null, string? token = null)
    {
        var http = new HttpClient(new SocketsHttpHandler(), disposeHandler: true) { BaseAddress = fixture.DdiBaseAddress };
        if (scheme is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(scheme, token);
        }

        return http;
    }

    public sealed class OnSqlite(DdiSqliteServer fixture) : DdiTokenTests(fixture), IClassFixture<DdiSqliteServer>;

    public sealed class OnPostgres(DdiPostgresServer fixture) : DdiTokenTests(fixture), IClassFixture<DdiPostgresServer>;
}
