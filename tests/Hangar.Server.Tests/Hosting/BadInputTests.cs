using System.Net;
using Hangar.Contracts.Common;
using Hangar.Server.Tests.Fixtures;

namespace Hangar.Server.Tests.Hosting;

/// <summary>Bad input gets a clear ProblemDetails answer with a stable code, and nothing is created.</summary>
public abstract class BadInputTests(ServerFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("""{"name":"x","role":"viewer""", ErrorCodes.InvalidJson)]
    [InlineData("""not json""", ErrorCodes.InvalidJson)]
    [InlineData("""{"name":"x","role":"viewer","organization_id":"00000000-0000-0000-0000-000000000000"}""", ErrorCodes.InvalidJson)]
    [InlineData("""{"role":"viewer"}""", ErrorCodes.InvalidJson)]
    [InlineData("""{"name":null,"role":"viewer"}""", ErrorCodes.InvalidJson)]
    [InlineData("""{"name":42,"role":"viewer"}""", ErrorCodes.InvalidJson)]
    [InlineData("""{"name":"x","role":"superuser"}""", ErrorCodes.ValidationFailed)]
    [InlineData("""{"name":"   ","role":"viewer"}""", ErrorCodes.ValidationFailed)]
    [InlineData("""{"name":"x","role":"viewer","expires_at":"2001-01-01T00:00:00Z"}""", ErrorCodes.ValidationFailed)]
    [InlineData("", ErrorCodes.InvalidJson)]
    public async Task MalformedOrInvalidBodies_Are400_AndCreateNothing(string body, string code)
    {
        var tenant = await fixture.NewTenantAsync();
        var before = (await tenant.Owner.ApiKeys.ListAsync(cancellationToken: Cancel)).Data.Count;

        using var response = await tenant.OwnerHttp.PostAsync("api/v1/api_keys", Api.Json(body), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal(code, problem.Code);
        Assert.False(string.IsNullOrWhiteSpace(problem.Detail));
        Assert.Equal(before, (await tenant.Owner.ApiKeys.ListAsync(cancellationToken: Cancel)).Data.Count);
    }

    [Theory]
    [InlineData("""not json""", "The request body is not valid JSON")]
    [InlineData("""{"name":42,"role":"viewer"}""", "The JSON body is invalid at $.name")]
    public async Task JsonErrors_SayWhetherTheBodyIsNotJson_OrTheWrongShape(string body, string detail)
    {
        var tenant = await fixture.NewTenantAsync();

        using var response = await tenant.OwnerHttp.PostAsync("api/v1/api_keys", Api.Json(body), Cancel);

        Assert.StartsWith(detail, (await response.ProblemAsync()).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidationErrors_NameEveryBadField()
    {
        var tenant = await fixture.NewTenantAsync();
        using var response = await tenant.OwnerHttp.PostAsync("api/v1/members", Api.Json("""{"email":"not-an-email","role":"god","name":""}"""), Cancel);
        var problem = await response.ProblemAsync();
        Assert.Equal(ErrorCodes.ValidationFailed, problem.Code);
        Assert.Equal(["email", "name", "role"], problem.Errors!.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task OversizedBody_Is413_BeforeItIsRead()
    {
        var tenant = await fixture.NewTenantAsync();
        // Only the head is sent: the answer must come from the announced length, without a byte of the 3 MiB body.
        var (status, body) = await HeadersOnlyRequest.SendAsync(fixture.Server.AdminBaseAddress, "POST", "/api/v1/api_keys",
            new Dictionary<string, string> { ["Authorization"] = $"Bearer {tenant.OwnerKey}", ["Content-Type"] = "application/json" }, 3 * 1024 * 1024, Cancel);
        Assert.Equal((int)HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal(ErrorCodes.PayloadTooLarge, System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task WrongContentType_Is415()
    {
        var tenant = await fixture.NewTenantAsync();
        using var response = await tenant.OwnerHttp.PostAsync("api/v1/api_keys", new StringContent("name=x", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"), Cancel);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(ErrorCodes.UnsupportedMediaType, (await response.ProblemAsync()).Code);
    }

    [Fact]
    public async Task ServerErrors_RevealNoInternals()
    {
        using var http = fixture.Server.CreateHttpClient(null);
        using var response = await http.GetAsync("api/v1/users/me", Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
    }

    public sealed class OnSqlite(SqliteServer fixture) : BadInputTests(fixture);

    public sealed class OnPostgres(PostgresServer fixture) : BadInputTests(fixture);
}
