using System.Net.Http.Json;
using System.Text.Json;
using Hangar.Client;
using Hangar.Contracts.Common;

namespace Hangar.Server.Tests.Fixtures;

/// <summary>Small assertions on raw HTTP answers, for tests that look below the typed client.</summary>
public static class Api
{
    public static async Task<ProblemResponse> ProblemAsync(this HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemResponse>(ApiTransport.JsonOptions, TestContext.Current.CancellationToken);
        Assert.NotNull(problem);
        Assert.False(string.IsNullOrEmpty(problem.Code));
        Assert.False(string.IsNullOrEmpty(problem.RequestId));
        return problem;
    }

    public static async Task<HangarApiException> ThrowsApiAsync(Func<Task> call) => await Assert.ThrowsAsync<HangarApiException>(call);

    public static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
}
