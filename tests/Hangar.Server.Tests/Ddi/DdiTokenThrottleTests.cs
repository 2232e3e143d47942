using System.Net;
using System.Net.Http.Headers;
using Hangar.Server.Tests.Fixtures;

namespace Hangar.Server.Tests.Ddi;

/// <summary>
/// Refused DDI tokens count against the client address in the budget refused API keys count in
/// (RateLimits:RefusedCredentialsPerAddressPerMinute): past it, 429 before any look-up, a valid token included. Each
/// test guesses from its own loopback address, so neither spends the other's budget nor the fixture's own 127.0.0.1.
/// </summary>
public sealed class DdiTokenThrottleTests(DdiThrottledServer fixture) : IClassFixture<DdiThrottledServer>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RefusedTokens_PastTheBudget_Are429_EvenForAValidToken()
    {
        var tenant = await fixture.NewTenantAsync();
        var valid = await tenant.Owner.Ddi.CreateGatewayTokenAsync(new Contracts.Ddi.CreateDdiGatewayTokenRequest("g"), cancellationToken: Cancel);
        using var http = new HttpClient(LoopbackSource.Handler(IPAddress.Parse("127.0.0.3")), disposeHandler: true) { BaseAddress = fixture.DdiBaseAddress };
        var path = $"{tenant.OrganizationId}/controller/v1/nobody";
        for (var i = 0; i < fixture.FailedTokensPerMinute; i++)
        {
            using var refused = await SendAsync(http, path, "hgg_guess" + i);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using var throttled = await SendAsync(http, path, valid.Token);
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal("rate_limited", (await throttled.ProblemAsync()).Code);
        Assert.NotNull(throttled.Headers.RetryAfter);
    }

    [Fact]
    public async Task RefusedApiKeys_AndRefusedTokens_ShareTheAddressBudget()
    {
        var tenant = await fixture.NewTenantAsync();
        var valid = await tenant.Owner.Ddi.CreateGatewayTokenAsync(new Contracts.Ddi.CreateDdiGatewayTokenRequest("g"), cancellationToken: Cancel);
        var from = IPAddress.Parse("127.0.0.4");
        using var admin = fixture.Server.CreateHttpClient("hgr_0123456789abcdef_notthesecret", LoopbackSource.Handler(from));
        using var ddi = new HttpClient(LoopbackSource.Handler(from), disposeHandler: true) { BaseAddress = fixture.DdiBaseAddress };
        var path = $"{tenant.OrganizationId}/controller/v1/nobody";

        var refusals = new List<HttpStatusCode>();
        for (var i = 0; i < fixture.FailedTokensPerMinute - 1; i++)
        {
            using var key = await admin.GetAsync("api/v1/users/me", Cancel);
            refusals.Add(key.StatusCode);
        }

        using (var token = await SendAsync(ddi, path, "hgg_guess"))
        {
            refusals.Add(token.StatusCode);
        }

        using var throttled = await SendAsync(ddi, path, valid.Token);

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, fixture.FailedTokensPerMinute), refusals);
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("GatewayToken", token);
        return await http.SendAsync(request, Cancel);
    }
}
