using System.Net;
using Hangar.Contracts.Common;
using Hangar.Contracts.Organizations;
using Hangar.Server.Tests.Fixtures;
using Hangar.Testing;

namespace Hangar.Server.Tests.Hosting;

/// <summary>Runs its own server with tiny limits, so exhausting them cannot disturb other tests.</summary>
public abstract class RateLimitTests(DatabaseKind database)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PerKeyLimit_Answers429WithRetryAfter_AndOtherKeysCarryOn()
    {
        await using var server = await HangarTestServer.StartAsync(database, new Dictionary<string, string?>
        {
            ["RateLimits:PerApiKeyPerMinute"] = "5",
            ["RateLimits:PerAddressPerMinute"] = "1000",
        }, Cancel);
        var created = await server.CreateClient(server.Bootstrap!.ApiKey).Organizations.CreateAsync(new CreateOrganizationRequest("limited", CreateApiKey: true), cancellationToken: Cancel);
        using var limited = server.CreateHttpClient(created.ApiKey!.Secret);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? rejected = null;
        for (var i = 0; i < 7; i++)
        {
            var response = await limited.GetAsync("api/v1/users/me", Cancel);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                rejected ??= response;
            }
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 5), statuses.Take(5));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[5]);
        Assert.NotNull(rejected);
        Assert.True(rejected.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(ErrorCodes.RateLimited, (await rejected.ProblemAsync()).Code);

        // The bootstrap key has its own budget.
        using var other = server.CreateHttpClient(server.Bootstrap.ApiKey);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("api/v1/users/me", Cancel)).StatusCode);
    }

    [Fact]
    public async Task SignInAttempts_AreLimitedPerAddress()
    {
        await using var server = await HangarTestServer.StartAsync(database, new Dictionary<string, string?> { ["RateLimits:SignInPerAddressPerMinute"] = "3" }, Cancel);
        using var http = server.CreateHttpClient(null);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await http.PostAsync("api/v1/session", Api.Json("""{"email":"nobody@example.com","password":"guessing"}"""), Cancel);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
    }

    public sealed class OnSqlite() : RateLimitTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : RateLimitTests(DatabaseKind.Postgres);
}
