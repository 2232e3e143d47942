using System.Net.Http.Headers;
using Hangar.Server.Tests.Fixtures;

namespace Hangar.Server.Tests.Telemetry;

/// <summary>
/// Request metrics are labelled by route template, so the number of series does not grow with the paths asked for:
/// unmatched paths share one series and a route with ids in it is one series whatever the ids.
/// </summary>
public abstract class SeriesBoundTests(MetricsServer fixture)
{
    private const string RequestFamily = "http_server_request_duration_seconds";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ManyDistinctPaths_AddNoSeriesPerPath()
    {
        var tenant = await fixture.NewTenantAsync();
        using var http = tenant.OwnerHttp;
        // Warm up: one of each kind (and a scrape, whose own series appears only once it finished), so every series
        // these requests can create exists before counting.
        await RequestDistinctPathsAsync(http, 1);
        await ScrapeAsync();
        var before = Series(await ScrapeAsync());

        await RequestDistinctPathsAsync(http, 150);
        var after = await ScrapeAsync();

        Assert.Empty(Series(after).Except(before));
        Assert.DoesNotContain(after.All, s => s.Labels.Values.Any(v => v.Contains("no-such-path", StringComparison.Ordinal)));
        Assert.Contains(after.Samples(RequestFamily + "_count"), s => s.Labels.GetValueOrDefault("http_route") == "/api/v1/devices/{id}");
    }

    private static HashSet<string> Series(PrometheusText metrics) =>
        metrics.All.Where(s => s.Name.StartsWith(RequestFamily, StringComparison.Ordinal))
            .Select(s => s.Name + string.Join(',', s.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}")))
            .ToHashSet();

    private static async Task RequestDistinctPathsAsync(HttpClient http, int count)
    {
        for (var i = 0; i < count; i++)
        {
            using var unmatched = await http.GetAsync($"no-such-path/{Guid.CreateVersion7():N}", Cancel);
            using var unknownDevice = await http.GetAsync($"api/v1/devices/{Guid.CreateVersion7()}", Cancel);
        }
    }

    private async Task<PrometheusText> ScrapeAsync()
    {
        using var http = fixture.Server.CreateHttpClient(null);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", MetricsServer.ScrapeToken);
        return PrometheusText.Parse(await http.GetStringAsync("metrics", Cancel));
    }

    public sealed class OnSqlite(MetricsSqliteServer fixture) : SeriesBoundTests(fixture), IClassFixture<MetricsSqliteServer>;
}
