using System.Diagnostics;
using Hangar.Bench.Updates;
using Hangar.Client;
using Hangar.Contracts.Devices;
using Hangar.Contracts.Releases;
using Hangar.Core.Releases;
using Hangar.Data;
using Hangar.Data.Devices;
using Hangar.Data.Releases;
using Hangar.Data.Tenancy;
using Hangar.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hangar.Bench.Fleet;

/// <summary>
/// <c>GET /api/v1/fleet/summary</c> over a fleet of <c>devices</c> (four cohorts, three releases each, one update per
/// device spread over 60 days), against a bare <c>SELECT count(*) FROM devices</c> on the same database in the same
/// run: the floor any answer that counts the fleet pays. The server runs in this process; the fleet is seeded
/// through the server's own DbContext (what devices report is written only by the device protocol).
/// </summary>
internal static class FleetSummaryLatency
{
    private const int Cohorts = 4;
    private const int ReleasesPerCohort = 3;
    private const int SeedBatch = 5_000;

    public static async Task RunAsync(DatabaseKind database, int deviceCount, int runs)
    {
        Console.WriteLine($"fleet summary: {database}, {deviceCount} devices, {runs} timed runs each");
        var (server, owner) = await BenchServer.StartAsync(database, []);
        await using var _ = server;
        var (productId, releases) = await CreateCatalogAsync(owner);
        var clock = Stopwatch.StartNew();
        await SeedAsync(server.Services, productId, releases, deviceCount);
        Console.WriteLine($"  seeded in {clock.Elapsed.TotalSeconds:F0} s");

        var summary = await owner.Fleet.SummaryAsync();
        Console.WriteLine($"  summary: {summary.Devices.Total} devices, {summary.Devices.Online} online, {summary.Releases.Count} releases, "
            + $"{summary.Adoption.Releases.Count} with adoption");
        var summaries = await TimeAsync(runs, () => owner.Fleet.SummaryAsync());
        var counts = await TimeAsync(runs, () => CountAsync(server.Services));
        Console.WriteLine("| database | devices | fleet summary (median, min–max) | SELECT count(*) (median) | ratio |");
        Console.WriteLine("|---|---|---|---|---|");
        Console.WriteLine($"| {database} | {deviceCount:N0} | **{Measures.Median(summaries):F0} ms** ({summaries.Min():F0}–{summaries.Max():F0}) | "
            + $"{Measures.Median(counts):F1} ms | {Measures.Median(summaries) / Measures.Median(counts):F0}× |");
    }

    private static async Task<(Guid ProductId, List<(Guid Id, Guid CohortId, Guid BundleId, string Version)>)> CreateCatalogAsync(HangarClient owner)
    {
        var product = await owner.Products.CreateAsync(new CreateProductRequest("gateway"));
        var firmware = await BenchFirmware.CreateAsync(owner);
        var bundles = new List<Hangar.Contracts.Firmware.BundleResponse>();
        for (var i = 1; i <= ReleasesPerCohort; i++)
        {
            bundles.Add(await firmware.BundleAsync($"{i}.0.0"));
        }

        var releases = new List<(Guid, Guid, Guid, string)>();
        for (var c = 0; c < Cohorts; c++)
        {
            var cohort = await owner.Cohorts.CreateAsync(new CreateCohortRequest($"cohort-{c}", product.Id.ToString()));
            for (var i = 0; i < ReleasesPerCohort; i++)
            {
                var release = await owner.Releases.CreateAsync(
                    new CreateReleaseRequest($"r{i + 1}", cohort.Id.ToString(), bundles[i].Id.ToString(), Version: $"{i + 1}.0.0"));
                releases.Add((release.Id, cohort.Id, bundles[i].Id, release.Version!));
            }
        }

        return (product.Id, releases);
    }

    private static async Task SeedAsync(IServiceProvider services, Guid productId, List<(Guid Id, Guid CohortId, Guid BundleId, string Version)> releases, int deviceCount)
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        Guid organizationId;
        await using (var scope = services.CreateAsyncScope())
        {
            organizationId = (await scope.ServiceProvider.GetRequiredService<HangarDbContext>().Organizations.SingleAsync(o => o.Name == "bench")).Id;
        }

        UpdateState[] states = [UpdateState.Committed, UpdateState.Committed, UpdateState.Committed, UpdateState.Failed, UpdateState.Downloading, UpdateState.RolledBack];
        for (var first = 0; first < deviceCount; first += SeedBatch)
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(organizationId);
            var db = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = first; i < Math.Min(deviceCount, first + SeedBatch); i++)
            {
                var release = releases[i % releases.Count];
                var connected = i % 10 == 9 ? (DateTime?)null : now.AddMinutes(-(i % 4_320));
                var device = new Device
                {
                    Id = Guid.CreateVersion7(),
                    OrganizationId = organizationId,
                    Identifier = $"gw-{i:D6}",
                    ProductId = productId,
                    CohortId = release.CohortId,
                    Quarantined = i % 97 == 0,
                    LastConnectedAt = connected,
                    Online = connected is not null && i % 3 == 0,
                    LastSeenAt = connected,
                    ReportedReleaseId = connected is null ? null : release.Id,
                    ReportedReleaseVersion = connected is null ? null : release.Version,
                    CreatedAt = now,
                    UpdatedAt = now,
                };
                db.Devices.Add(device);
                var state = states[i % states.Length];
                db.DeviceUpdates.Add(new DeviceUpdate
                {
                    Id = Guid.CreateVersion7(),
                    OrganizationId = organizationId,
                    DeviceId = device.Id,
                    ReleaseId = release.Id,
                    BundleId = release.BundleId,
                    State = state,
                    OfferedAt = now.AddDays(-60),
                    FinishedAt = state == UpdateState.Downloading ? null : now.AddHours(-(i % (60 * 24))),
                    UpdatedAt = now,
                });
            }

            await db.SaveChangesAsync();
        }
    }

    private static async Task CountAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var connection = scope.ServiceProvider.GetRequiredService<HangarDbContext>().Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM devices";
        await command.ExecuteScalarAsync();
    }

    /// <summary>One untimed call (plans and caches warm), then <paramref name="runs"/> timed ones, in milliseconds.</summary>
    private static async Task<List<double>> TimeAsync(int runs, Func<Task> call)
    {
        await call();
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            await call();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        return times;
    }
}
