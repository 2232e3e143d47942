using System.Diagnostics.Metrics;
using Hangar.Contracts.Devices;
using Hangar.Core.Releases;
using Hangar.Data;
using Hangar.Data.Releases;
using Hangar.Data.Tenancy;
using Hangar.Server.Features.Fleet;
using Hangar.Server.Tests.Fixtures;
using Hangar.Server.Tests.Releases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hangar.Server.Tests.Telemetry;

/// <summary>
/// The fleet gauges of <c>/metrics</c> on a seeded fleet: devices by product, cohort and state, devices per reported
/// release and update outcomes per release, with the label caps of <see cref="MetricsServer"/> (3 groups, 2 releases).
/// </summary>
public abstract class FleetGaugeTests(MetricsServer fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SeededFleet_IsCountedByGroupStateAndRelease_WithTheRestAsOther()
    {
        var scenario = await ReleaseScenario.StartAsync(fixture);
        var organization = (await scenario.Client.Organizations.GetAsync(scenario.Tenant.OrganizationId.ToString(), Cancel)).Name;
        var releases = await scenario.ChainAsync(3);
        for (var i = 0; i <= 6; i++)
        {
            await scenario.DeviceAsync($"d{i}");
        }

        // Four more products of one device each: only two of them fit under the cap of three groups.
        for (var i = 0; i < 4; i++)
        {
            var product = await scenario.Client.Products.CreateAsync(new CreateProductRequest($"extra-{i}"), cancellationToken: Cancel);
            await scenario.Client.Devices.CreateAsync(new CreateDeviceRequest($"x{i}", product.Id.ToString()), cancellationToken: Cancel);
        }

        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        await SeedReportsAsync(scenario.Tenant.OrganizationId, now, releases);
        await fixture.Server.Services.GetRequiredService<FleetSnapshotRefresher>().RefreshAsync(Cancel);
        var devices = Observe("hangar.fleet.devices");
        double Devices(string product, string cohort, string state) => devices
            .Where(s => s.Labels["organization"] == organization && s.Labels["product"] == product && s.Labels["cohort"] == cohort && s.Labels["state"] == state)
            .Sum(s => s.Value);
        Assert.Equal(3, Devices("gateway", "stable", "seen_24h"));
        Assert.Equal(2, Devices("gateway", "stable", "silent_24h"));
        Assert.Equal(1, Devices("gateway", "stable", "quarantined"));
        Assert.Equal(1, Devices("gateway", "stable", "never_connected"));
        Assert.Equal(2, devices.Where(s => s.Labels["product"] == "other").Sum(s => s.Value));
        Assert.Equal(MetricsServer.TopGroups + 1, devices.Select(s => s.Labels["product"]).Distinct().Count());

        var byRelease = Observe("hangar.fleet.release.devices").ToDictionary(s => s.Labels["release"], s => s.Value);
        Assert.Equal(new Dictionary<string, double> { ["r0"] = 3, ["r1"] = 2, ["other"] = 1, ["none"] = 5 }, byRelease);

        var updates = Observe("hangar.fleet.release.updates");
        var outcomes = updates.ToDictionary(s => (s.Labels["release"], s.Labels["outcome"]), s => s.Value);
        Assert.Equal(new Dictionary<(string, string), double>
        {
            [("r0", "committed")] = 2,
            [("r0", "failed")] = 1,
            [("r1", "in_progress")] = 1,
        }, outcomes);
        Assert.All(updates, s => Assert.Equal(organization, s.Labels["organization"]));
    }

    /// <summary>What devices report is only written by the device protocol; the seed writes it directly.</summary>
    private async Task SeedReportsAsync(Guid organizationId, DateTime now, List<Hangar.Contracts.Releases.ReleaseResponse> releases)
    {
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(organizationId);
        var db = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
        var devices = await db.Devices.ToDictionaryAsync(d => d.Identifier, Cancel);
        void Report(string identifier, int release, DateTime? connected, bool quarantined = false)
        {
            var device = devices[identifier];
            device.ReportedReleaseId = releases[release].Id;
            device.LastConnectedAt = connected;
            device.Quarantined = quarantined;
        }

        Report("d0", 0, now);
        Report("d1", 0, now);
        Report("d2", 0, now);
        Report("d3", 1, now.AddDays(-2));
        Report("d4", 1, now.AddDays(-2));
        Report("d5", 2, now, quarantined: true);

        void Update(string identifier, int release, UpdateState state) => db.DeviceUpdates.Add(new DeviceUpdate
        {
            Id = Guid.CreateVersion7(),
            OrganizationId = organizationId,
            DeviceId = devices[identifier].Id,
            ReleaseId = releases[release].Id,
            BundleId = releases[release].BundleId,
            State = state,
            OfferedAt = now,
            UpdatedAt = now,
        });
        Update("d0", 0, UpdateState.Committed);
        Update("d1", 0, UpdateState.Committed);
        Update("d2", 0, UpdateState.Failed);
        Update("d3", 1, UpdateState.Downloading);
        await db.SaveChangesAsync(Cancel);
    }

    /// <summary>
    /// The gauges as this server's own meters report them, under their Prometheus names. Not a scrape: in one test
    /// process several servers publish meters of the same names and an exposition mixes their series (production runs
    /// one server per process); the exposition's format is promtool's (<see cref="PromtoolTests"/>).
    /// </summary>
    private List<PrometheusSample> Observe(string instrument)
    {
        var meters = fixture.Server.Services.GetRequiredService<IMeterFactory>();
        var samples = new List<PrometheusSample>();
        var name = instrument.Replace('.', '_');
        using var listener = new MeterListener();
        listener.InstrumentPublished = (published, l) =>
        {
            if (published.Meter.Scope == meters && published.Name == instrument)
            {
                l.EnableMeasurementEvents(published);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var labels = new Dictionary<string, string>();
            foreach (var tag in tags)
            {
                labels[tag.Key] = (string)tag.Value!;
            }

            samples.Add(new PrometheusSample(name, labels, value));
        });
        listener.Start();
        listener.RecordObservableInstruments();
        return samples;
    }

    public sealed class OnSqlite(MetricsSqliteServer fixture) : FleetGaugeTests(fixture), IClassFixture<MetricsSqliteServer>;

    public sealed class OnPostgres(MetricsPostgresServer fixture) : FleetGaugeTests(fixture), IClassFixture<MetricsPostgresServer>;
}
