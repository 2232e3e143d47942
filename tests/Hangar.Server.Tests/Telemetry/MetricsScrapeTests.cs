using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using Hangar.Client;
using Hangar.Contracts.Common;
using Hangar.Contracts.Devices;
using Hangar.Core.Access;
using Hangar.Server.Features.Fleet;
using Hangar.Server.Tests.Fixtures;
using Hangar.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Hangar.Server.Tests.Telemetry;

/// <summary>
/// Who may scrape <c>/metrics</c>: the scrape token only. The exposition counts every organization's fleet, so any
/// organization's key is refused (403, audited in its organization); refusals are problems and counted.
/// </summary>
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
    public async Task Scrape_TwoOrganizations_EachKeyIsRefused_TheTokenSeesBoth()
    {
        var first = await fixture.NewTenantAsync();
        var second = await fixture.NewTenantAsync();
        var firstName = await DeviceInNewProductAsync(first);
        var secondName = await DeviceInNewProductAsync(second);
        await fixture.Server.Services.GetRequiredService<FleetSnapshotRefresher>().RefreshAsync(Cancel);

        foreach (var key in new[] { first.OwnerKey, second.OwnerKey, await first.KeyAsync(Role.Viewer) })
        {
            using var refused = await ScrapeAsync(key);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Equal(ErrorCodes.ScrapeTokenRequired, (await refused.ProblemAsync()).Code);
        }

        using var scraped = await ScrapeAsync(MetricsServer.ScrapeToken);
        var exposition = await scraped.Content.ReadAsStringAsync(Cancel);
        Assert.Contains($"organization=\"{firstName}\"", exposition, StringComparison.Ordinal);
        Assert.Contains($"organization=\"{secondName}\"", exposition, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scrape_AfterAnotherServerInTheProcessStopped_StillShowsThisServersFleet()
    {
        // Production runs one server per process, tests run many side by side: another server's meters of the same
        // names must not be folded into this exposition, where stopping that server took this one's gauges with it.
        await using (await HangarTestServer.StartAsync(DatabaseKind.Sqlite, settings: null, Cancel))
        {
        }

        // A stream given up is still exported once, by the next collection.
        using (await ScrapeAsync(MetricsServer.ScrapeToken))
        {
        }

        var tenant = await fixture.NewTenantAsync();
        var organization = await DeviceInNewProductAsync(tenant);
        await fixture.Server.Services.GetRequiredService<FleetSnapshotRefresher>().RefreshAsync(Cancel);

        using var scraped = await ScrapeAsync(MetricsServer.ScrapeToken);
        var exposition = await scraped.Content.ReadAsStringAsync(Cancel);
        Assert.Contains($"organization=\"{organization}\"", exposition, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scrape_WithAnOrganizationKey_IsAuditedAsDeniedInThatOrganization()
    {
        var tenant = await fixture.NewTenantAsync();
        using var refused = await ScrapeAsync(tenant.OwnerKey);
        var requestId = refused.Headers.GetValues("X-Request-Id").Single();

        var rows = await tenant.Owner.Audit.ListAsync(new ListOptions(Limit: 100, Search: "action:'metrics.scrape'"), Cancel);
        var row = Assert.Single(rows.Data);
        Assert.Equal(("denied", 403, requestId), (row.Outcome, row.StatusCode, row.RequestId));
    }

    [Fact]
    public async Task Scrape_WithTheToken_WritesNoAuditRow()
    {
        var tenant = await fixture.NewTenantAsync();
        using (await ScrapeAsync(MetricsServer.ScrapeToken))
        {
        }

        var rows = await tenant.Owner.Audit.ListAsync(new ListOptions(Limit: 100, Search: "action:'metrics.scrape'"), Cancel);
        Assert.Empty(rows.Data);
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
        // Listened to on this server's own meters: in one test process several servers publish meters of the same names.
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

    /// <summary>A device in a product of its own, so the organization has a series in the fleet gauges; returns its name.</summary>
    private static async Task<string> DeviceInNewProductAsync(Tenant tenant)
    {
        var product = await tenant.Owner.Products.CreateAsync(new CreateProductRequest("scraped"), cancellationToken: Cancel);
        await tenant.Owner.Devices.CreateAsync(new CreateDeviceRequest("d1", product.Id.ToString()), cancellationToken: Cancel);
        return (await tenant.Owner.Organizations.GetAsync(tenant.OrganizationId.ToString(), Cancel)).Name;
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
