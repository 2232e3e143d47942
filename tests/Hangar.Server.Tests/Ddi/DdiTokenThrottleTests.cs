using System.Net;
using System.Net.Http.Headers;
using Hangar.Server.Tests.Fixtures;

namespace Hangar.Server.Tests.Ddi;

/// <summary>Refused DDI tokens are limited per client address: past the budget, 429 before any look-up, a valid token included.</summary>
public sealed class DdiTokenThrottleTests(DdiThrottledServer fixture) : IClassFixture<DdiThrottledServer>
{
    [Fact]
    public async Task RefusedTokens_PastTheBudget_Are429_EvenForAValidToken()
    {
        var cancel = TestContext.Current.CancellationToken;
        var tenant = await fixture.NewTenantAsync();
        var valid = await tenant.Owner.Ddi.CreateGatewayTokenAsync(new Contracts.Ddi.CreateDdiGatewayTokenRequest("g"), cancellationToken: cancel);
        using var http = new HttpClient(new SocketsHttpHandler(), disposeHandler: true) { BaseAddress = fixture.DdiBaseAddress };
        var path = $"{tenant.OrganizationId}/controller/v1/nobody";
        for (var i = 0; i < fixture.FailedTokensPerMinute; i++)
        {
            using var refused = await SendAsync(http, path, "hgg_guess" + i, cancel);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using var throttled = await SendAsync(http, path, valid.Token, cancel);
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal("rate_limited", (await throttled.ProblemAsync()).Code);
        Assert.NotNull(throttled.Headers.RetryAfter);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, string path, string token, CancellationToken cancel)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("GatewayToken", token);
        return await http.SendAsync(request, cancel);
    }
}
