using System.Net;
using Hangar.Contracts.Common;
using Hangar.Contracts.Devices;
using Hangar.Contracts.Fleet;
using Hangar.Contracts.Releases;
using Hangar.Core.Access;
using Hangar.Core.Releases;
using Hangar.Data;
using Hangar.Data.Releases;
using Hangar.Data.Tenancy;
using Hangar.Server.Tests.Fixtures;
using Hangar.Server.Tests.Releases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hangar.Server.Tests.Fleet;

/// <summary>
/// <c>GET /fleet/summary</c> on a seeded fleet: exact device counts by state, what each cohort reports, outcomes and
/// adoption per release, the product and cohort filters, another organization's devices never counted, viewers
/// allowed, and refused parameters as problems.
/// </summary>
public abstract class FleetSummaryTests(ServerFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SeededFleet_IsCountedExactly()
    {
        var (scenario, releases, now) = await SeedAsync();
        var summary = await (await scenario.Tenant.ClientAsync(Role.Viewer)).Fleet.SummaryAsync(cancellationToken: Cancel);

        Assert.Equal(new FleetDeviceCountsResponse(Total: 8, Online: 2, OfflineOver24h: 2, NeverConnected: 2, Quarantined: 2), summary.Devices);

        var stable = Assert.Single(summary.Cohorts, c => c.CohortName == "stable");
        Assert.Equal(("gateway", 7L), (stable.ProductName, stable.Devices));
        Assert.Equal(
            new (string?, long)[] { ("r0", 2), ("r1", 2), (null, 2), ("r2", 1) },
            stable.Releases.Select(r => (r.ReleaseName, r.Devices)).OrderByDescending(r => r.Devices).ThenBy(r => r.ReleaseName ?? "~").ToArray());
        Assert.Equal(
            new (string?, long)[] { ("1.0", 2), ("1.1", 2), (null, 2), ("2.0", 1) },
            stable.Versions.Select(v => (v.Version, v.Devices)).OrderByDescending(v => v.Devices).ThenBy(v => v.Version ?? "~").ToArray());
        var loose = Assert.Single(summary.Cohorts, c => c.CohortId is null);
        Assert.Equal(1, loose.Devices);

        var outcomes = summary.Releases.ToDictionary(r => r.ReleaseName);
        Assert.Equal((2L, 1L, 0L, 0L, 0L), Counts(outcomes["r0"]));
        Assert.Equal(2.0 / 3, outcomes["r0"].SuccessRate!.Value, 9);
        Assert.Equal(1.0 / 3, outcomes["r0"].FailureRate!.Value, 9);
        Assert.Equal((1L, 0L, 1L, 0L, 1L), Counts(outcomes["r1"]));
        Assert.Equal<(double?, double?)>((0.5, 0.5), (outcomes["r1"].SuccessRate, outcomes["r1"].FailureRate));
        Assert.Equal((0L, 0L, 0L, 1L, 0L), Counts(outcomes["r2"]));
        Assert.Null(outcomes["r2"].SuccessRate);

        var adoption = summary.Adoption;
        Assert.Equal((now.Date.AddDays(-29), now.Date), (adoption.From, adoption.To));
        Assert.Equal(["r0", "r1"], adoption.Releases.Select(r => r.ReleaseName));
        var r0 = adoption.Releases[0].Days;
        Assert.Equal(30, r0.Count);
        Assert.Equal(1, r0[0].Adopted);
        Assert.Equal(1, r0.Single(d => d.Day == now.Date.AddDays(-2)).Committed);
        Assert.Equal(2, r0[^1].Adopted);
        Assert.Equal([.. Enumerable.Repeat(0L, 29), 1L], adoption.Releases[1].Days.Select(d => d.Adopted));
        Assert.Equal(releases[0].Id, adoption.Releases[0].ReleaseId);
    }

    [Fact]
    public async Task Filters_NarrowToTheProductOrTheCohort()
    {
        var (scenario, _, _) = await SeedAsync();
        var other = await scenario.Client.Products.CreateAsync(new CreateProductRequest("sensor"), cancellationToken: Cancel);
        await scenario.Client.Devices.CreateAsync(new CreateDeviceRequest("s0", other.Id.ToString()), cancellationToken: Cancel);

        var whole = await scenario.Client.Fleet.SummaryAsync(cancellationToken: Cancel);
        var product = await scenario.Client.Fleet.SummaryAsync(product: "gateway", cancellationToken: Cancel);
        var cohort = await scenario.Client.Fleet.SummaryAsync(product: "gateway", cohort: "stable", days: 7, cancellationToken: Cancel);

        Assert.Equal((9L, 8L, 7L), (whole.Devices.Total, product.Devices.Total, cohort.Devices.Total));
        Assert.Equal((scenario.ProductId, scenario.CohortId), (cohort.ProductId, cohort.CohortId));
        Assert.Equal(7, cohort.Adoption.Releases[0].Days.Count);
        Assert.Equal(3, cohort.Releases.Count);
        Assert.Empty((await scenario.Client.Fleet.SummaryAsync(product: "sensor", cancellationToken: Cancel)).Releases);
    }

    [Fact]
    public async Task AnotherOrganizationsFleet_IsNeverCounted()
    {
        await SeedAsync();
        var stranger = await fixture.NewTenantAsync();
        var summary = await stranger.Owner.Fleet.SummaryAsync(cancellationToken: Cancel);

        Assert.Equal(new FleetDeviceCountsResponse(0, 0, 0, 0, 0), summary.Devices);
        Assert.Empty(summary.Cohorts);
        Assert.Empty(summary.Releases);
        Assert.Empty(summary.Adoption.Releases);
    }

    [Theory]
    [InlineData("days=0", "days")]
    [InlineData("days=91", "days")]
    [InlineData("days=ten", "days")]
    [InlineData("product=nope", "product")]
    [InlineData("cohort=nope", "cohort")]
    public async Task RefusedParameters_Are400ValidationFailed(string query, string field)
    {
        var tenant = await fixture.NewTenantAsync();
        using var response = await tenant.OwnerHttp.GetAsync($"api/v1/fleet/summary?{query}", Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ProblemAsync();
        Assert.Equal(ErrorCodes.ValidationFailed, problem.Code);
        Assert.Contains(field, problem.Errors!.Keys);
    }

    [Fact]
    public async Task WithoutACredential_Is401()
    {
        using var http = fixture.Server.CreateHttpClient(null);
        using var response = await http.GetAsync("api/v1/fleet/summary", Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static (long, long, long, long, long) Counts(FleetReleaseOutcomesResponse r) => (r.Committed, r.Failed, r.RolledBack, r.Aborted, r.InProgress);

    /// <summary>
    /// Eight devices of product gateway, seven in cohort stable, and a stranger's online device. What devices report and
    /// their update history are written only by the device protocol, so the seed writes them directly.
    /// </summary>
    private async Task<(ReleaseScenario Scenario, List<ReleaseResponse> Releases, DateTime Now)> SeedAsync()
    {
        var scenario = await ReleaseScenario.StartAsync(fixture);
        var releases = await scenario.ChainAsync(3);
        for (var i = 0; i <= 6; i++)
        {
            await scenario.DeviceAsync($"d{i}");
        }

        await scenario.Client.Devices.CreateAsync(new CreateDeviceRequest("loose", scenario.ProductId.ToString()), cancellationToken: Cancel);
        var stranger = await ReleaseScenario.StartAsync(fixture);
        await stranger.DeviceAsync("x0");

        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(scenario.Tenant.OrganizationId);
        var db = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
        var devices = await db.Devices.ToDictionaryAsync(d => d.Identifier, Cancel);
        void Device(string identifier, bool online, DateTime? connected, int? release, string? version, bool quarantined = false)
        {
            var device = devices[identifier];
            device.Online = online;
            device.LastConnectedAt = connected;
            device.LastSeenAt = online ? now : connected;
            device.ReportedReleaseId = release is { } r ? releases[r].Id : null;
            device.ReportedReleaseVersion = version;
            device.Quarantined = quarantined;
        }

        Device("d0", online: true, now, 0, "1.0");
        Device("d1", online: false, now.AddHours(-1), 0, "1.0");
        Device("d2", online: false, now.AddDays(-2), 1, "1.1");
        Device("d3", online: false, now.AddDays(-3), 1, "1.1", quarantined: true);
        Device("d4", online: false, null, null, null);
        Device("d5", online: false, null, null, null, quarantined: true);
        Device("d6", online: true, now.AddDays(-3), 2, "2.0");
        Device("loose", online: false, now.AddHours(-1), null, null);

        void Update(string identifier, int release, UpdateState state, DateTime? finished) => db.DeviceUpdates.Add(new DeviceUpdate
        {
            Id = Guid.CreateVersion7(),
            OrganizationId = scenario.Tenant.OrganizationId,
            DeviceId = devices[identifier].Id,
            ReleaseId = releases[release].Id,
            BundleId = releases[release].BundleId,
            State = state,
            OfferedAt = now.AddDays(-50),
            FinishedAt = finished,
            UpdatedAt = now,
        });
        Update("d0", 0, UpdateState.Committed, now.AddDays(-2));
        Update("d1", 0, UpdateState.Committed, now.AddDays(-40));
        Update("d2", 0, UpdateState.Failed, now.AddDays(-3));
        Update("d2", 1, UpdateState.Committed, now);
        Update("d3", 1, UpdateState.RolledBack, now.AddDays(-1));
        Update("d4", 1, UpdateState.Downloading, null);
        Update("d6", 2, UpdateState.Aborted, now.AddDays(-1));
        await db.SaveChangesAsync(Cancel);
        return (scenario, releases, now);
    }

    public sealed class OnSqlite(SqliteServer fixture) : FleetSummaryTests(fixture);

    public sealed class OnPostgres(PostgresServer fixture) : FleetSummaryTests(fixture);
}
