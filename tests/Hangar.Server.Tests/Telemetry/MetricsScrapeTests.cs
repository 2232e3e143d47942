using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using Hangar.Contracts.Common;
using Hangar.Core.Access;
using Hangar.Server.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Hangar.Server.Tests.Telemetry;

/// <summary>Who may scrape <c>/metrics</c>: the scrape token or a key whose role holds MetricsRead; refusals are problems and counted.</summary>
public abstract class MetricsScrapeTests(MetricsServer fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Scrape_WithTheScrapeToken_AnswersPrometheusText()
    {
        using var response = await ScrapeAsync(MetricsServer.ScrapeToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("# TYPE target_info gauge", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scrape_WithAnOwnerKey_IsServed()
    {
        var tenant = await fixture.NewTenantAsync();
        using var response = await ScrapeAsync(tenant.OwnerKey);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(Role.Admin)]
    [InlineData(Role.Viewer)]
    public async Task Scrape_WithAKeyBelowOwner_Is403InsufficientRole(Role role)
    {
        var tenant = await fixture.NewTenantAsync();
        using var response = await ScrapeAsync(await tenant.KeyAsync(role));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(ErrorCodes.InsufficientRole, (await response.ProblemAsync()).Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("scrape-token-for-tests-0123456789abcdeX")]
    [InlineData("hgr_not_a_key")]
    public async Task Scrape_WithoutAValidCredential_Is401Unauthenticated(string? credential)
    {
        using var response = await ScrapeAsync(credential);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(ErrorCodes.Unauthenticated, (await response.ProblemAsync()).Code);
    }

    [Fact]
    public async Task RefusedScrapes_AreCountedByStatus()
    {
        // Listened to on this server's own meters: in one test process several servers publish meters of the same
        // names, and an exposition may show another server's counter (production runs one server per process).
        var meters = fixture.Server.Services.GetRequiredService<IMeterFactory>();
        long refused401 = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meters && instrument.Name == "hangar.metrics.scrape.refusals")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "status" && tag.Value as string == "401")
                {
                    Interlocked.Add(ref refused401, value);
                }
            }
        });
        listener.Start();

        using (await ScrapeAsync(null))
        using (await ScrapeAsync("wrong"))
        {
        }

        // Other tests on this server may refuse scrapes meanwhile: at least these two were counted.
        Assert.True(Interlocked.Read(ref refused401) >= 2);
    }

    [Fact]
    public async Task ScrapeToken_IsNoApiKey_ElsewhereItIsUnauthenticated()
    {
        using var http = fixture.Server.CreateHttpClient(null);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", MetricsServer.ScrapeToken);
        using var response = await http.GetAsync("api/v1/users/me", Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(ErrorCodes.Unauthenticated, (await response.ProblemAsync()).Code);
    }

    private async Task<HttpResponseMessage> ScrapeAsync(string? credential)
    {
        using var http = fixture.Server.CreateHttpClient(null);
        if (credential is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        }

        return await http.GetAsync("metrics", Cancel);
    }

    public sealed class OnSqlite(MetricsSqliteServer fixture) : MetricsScrapeTests(fixture), IClassFixture<MetricsSqliteServer>;

    public sealed class OnPostgres(MetricsPostgresServer fixture) : MetricsScrapeTests(fixture), IClassFixture<MetricsPostgresServer>;
}
