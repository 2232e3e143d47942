using System.Net;
using Hangar.Contracts.Common;
using Hangar.Data;
using Hangar.Data.Tenancy;
using Hangar.Server.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hangar.Server.Tests.Idempotency;

public abstract class IdempotencyTests(ServerFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RetriedCreate_ReturnsTheFirstResult_AndCreatesOnce()
    {
        var tenant = await fixture.NewTenantAsync();
        var key = Guid.CreateVersion7().ToString();

        using var first = await PostAsync(tenant, key, """{"name":"once","role":"viewer"}""");
        using var second = await PostAsync(tenant, key, """{"name":"once","role":"viewer"}""");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(Cancel), await second.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.False(first.Headers.Contains(HangarHeaders.IdempotentReplayed));
        Assert.Equal("true", Assert.Single(second.Headers.GetValues(HangarHeaders.IdempotentReplayed)));
        Assert.Single((await tenant.Owner.ApiKeys.ListAsync(new(Search: "name:'once'"), Cancel)).Data);
    }

    [Fact]
    public async Task StoredResponses_DoNotHoldSecretsInClear()
    {
        var tenant = await fixture.NewTenantAsync();
        using var created = await PostAsync(tenant, Guid.CreateVersion7().ToString(), """{"name":"stored","role":"viewer"}""");
        var secret = (await created.JsonAsync()).GetProperty("secret").GetString()!;

        await using var scope = fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
        var bodies = await db.IdempotencyRecords.IgnoreQueryFilters([TenantFilter.Name]).Where(r => r.OrganizationId == tenant.OrganizationId)
            .Select(r => r.ResponseBody).ToListAsync(Cancel);
        Assert.NotEmpty(bodies);
        Assert.All(bodies, body => Assert.DoesNotContain(secret[^20..], body ?? "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SameKeyWithAnotherBody_IsRejected()
    {
        var tenant = await fixture.NewTenantAsync();
        var key = Guid.CreateVersion7().ToString();
        using var first = await PostAsync(tenant, key, """{"name":"first","role":"viewer"}""");
        using var second = await PostAsync(tenant, key, """{"name":"second","role":"viewer"}""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        Assert.Equal(ErrorCodes.IdempotencyKeyReused, (await second.ProblemAsync()).Code);
        Assert.Empty((await tenant.Owner.ApiKeys.ListAsync(new(Search: "name:'second'"), Cancel)).Data);
    }

    [Fact]
    public async Task ConcurrentRetries_CreateExactlyOne()
    {
        var tenant = await fixture.NewTenantAsync();
        var key = Guid.CreateVersion7().ToString();
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PostAsync(tenant, key, """{"name":"racy","role":"viewer"}""")));

        Assert.Single((await tenant.Owner.ApiKeys.ListAsync(new(Search: "name:'racy'"), Cancel)).Data);
        // Each racer either got the created key (first or replayed) or was told to retry while the first was in flight.
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"unexpected {(int)r.StatusCode}"));
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task FailedCreate_DoesNotConsumeTheKey()
    {
        var tenant = await fixture.NewTenantAsync();
        var key = Guid.CreateVersion7().ToString();
        using var bad = await PostAsync(tenant, key, """{"name":"","role":"viewer"}""");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        using var fixedUp = await PostAsync(tenant, key, """{"name":"","role":"viewer"}""".Replace("\"\"", "\"fixed\"", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Created, fixedUp.StatusCode);
    }

    [Fact]
    public async Task KeysArePrivateToTheirSender()
    {
        var tenant = await fixture.NewTenantAsync();
        var otherKey = await tenant.KeyAsync(Core.Access.Role.Admin);
        var key = Guid.CreateVersion7().ToString();
        using var mine = await PostAsync(tenant, key, """{"name":"mine","role":"viewer"}""");
        using var http = fixture.Server.CreateHttpClient(otherKey);
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/api_keys") { Content = Api.Json("""{"name":"mine","role":"viewer"}""") };
        request.Headers.Add(HangarHeaders.IdempotencyKey, key);
        using var theirs = await http.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.Created, theirs.StatusCode);
        Assert.False(theirs.Headers.Contains(HangarHeaders.IdempotentReplayed));
        Assert.Equal(2, (await tenant.Owner.ApiKeys.ListAsync(new(Search: "name:'mine'"), Cancel)).Data.Count);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("256")]
    public async Task InvalidKey_IsAValidationError(string key)
    {
        var tenant = await fixture.NewTenantAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/api_keys") { Content = Api.Json("""{"name":"x","role":"viewer"}""") };
        request.Headers.TryAddWithoutValidation(HangarHeaders.IdempotencyKey, key == "256" ? new string('k', 256) : key);
        using var response = await tenant.OwnerHttp.SendAsync(request, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ErrorCodes.ValidationFailed, (await response.ProblemAsync()).Code);
    }

    private static async Task<HttpResponseMessage> PostAsync(Tenant tenant, string key, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/api_keys") { Content = Api.Json(body) };
        request.Headers.Add(HangarHeaders.IdempotencyKey, key);
        return await tenant.OwnerHttp.SendAsync(request, Cancel);
    }

    public sealed class OnSqlite(SqliteServer fixture) : IdempotencyTests(fixture);

    public sealed class OnPostgres(PostgresServer fixture) : IdempotencyTests(fixture);
}
