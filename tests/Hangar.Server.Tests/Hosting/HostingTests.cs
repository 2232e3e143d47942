using System.Net;
using Hangar.Contracts.Common;
using Hangar.Server.Tests.Fixtures;

namespace Hangar.Server.Tests.Hosting;

public abstract class HostingTests(ServerFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>
    /// The database component, not the overall status: the server is shared by every test of the assembly, and another
    /// test's webhook to an unreachable receiver may leave deliveries lagging, which degrades it for a while (seen in CI).
    /// </summary>
    [Fact]
    public async Task Healthz_DatabaseReachable_AnswersOk()
    {
        var health = await fixture.Server.CreateClient(null).HealthAsync(Cancel);

        Assert.Equal("ok", health.Checks?.Database);
        Assert.Equal("healthy", Assert.Single(health.Components!, component => component.Name == "database").Status);
        Assert.NotEqual("unhealthy", health.Status);
    }

    [Fact]
    public async Task EveryResponse_CarriesAFreshRequestId()
    {
        using var http = fixture.Server.CreateHttpClient(null);
        using var first = await http.GetAsync("healthz", Cancel);
        using var second = await http.GetAsync("api/v1/users/me", Cancel);
        var firstId = Assert.Single(first.Headers.GetValues(HangarHeaders.RequestId));
        var secondId = Assert.Single(second.Headers.GetValues(HangarHeaders.RequestId));
        Assert.NotEqual(firstId, secondId);
        Assert.Equal(secondId, (await second.ProblemAsync()).RequestId);
    }

    [Fact]
    public async Task ErrorFromTheExceptionHandler_CarriesTheRequestId()
    {
        var tenant = await fixture.NewTenantAsync();

        // Malformed JSON surfaces as an exception, answered by the exception handler after it cleared the response.
        using var response = await tenant.OwnerHttp.PostAsync("api/v1/api_keys", Api.Json("not json"), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var id = Assert.Single(response.Headers.GetValues(HangarHeaders.RequestId));
        Assert.Equal(id, (await response.ProblemAsync()).RequestId);
    }

    [Fact]
    public async Task AdminRoute_OnDeviceListener_IsNotFound()
    {
        var tenant = await fixture.NewTenantAsync();
        // The device listener requires a client certificate in the handshake; any will do to reach the listener guard.
        using var http = Hangar.Testing.Pki.DeviceHttp.Create(fixture.Server, Hangar.Testing.Pki.TestPki.SelfSignedLeaf("probe"));
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", tenant.OwnerKey);
        using var response = await http.GetAsync("api/v1/users/me", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(ErrorCodes.NotFound, (await response.ProblemAsync()).Code);
    }

    [Fact]
    public async Task UnknownRoute_AnswersProblemDetails404()
    {
        using var http = fixture.Server.CreateHttpClient(null);
        using var response = await http.GetAsync("api/v1/no-such-thing", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(ErrorCodes.NotFound, (await response.ProblemAsync()).Code);
    }

    public sealed class OnSqlite(SqliteServer fixture) : HostingTests(fixture);

    public sealed class OnPostgres(PostgresServer fixture) : HostingTests(fixture);
}
