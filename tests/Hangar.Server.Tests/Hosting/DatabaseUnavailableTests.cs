using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Hangar.Contracts.Common;
using Hangar.Server.Tests.Fixtures;
using Hangar.Server.Tests.Telemetry;
using Hangar.Testing;
using Hangar.Testing.Postgres;

namespace Hangar.Server.Tests.Hosting;

/// <summary>
/// A database that cannot serve (PostgreSQL stopped; SQLite's file locked by another process) is a fast 503
/// database_unavailable with Retry-After, health says degraded, and everything recovers by itself once it is back.
/// </summary>
public sealed class DatabaseUnavailableTests
{
    /// <summary>
    /// Fast enough to tell "gave up on the database" from "waited for it": the outage lasts until the test ends it, and
    /// a retrying execution strategy takes over a minute, while failing fast is one busy timeout (1 s here) or one refused
    /// connection. The bound is that far above them because on a loaded CI machine a plain request can take seconds.
    /// </summary>
    private static readonly TimeSpan Fast = TimeSpan.FromSeconds(20);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sqlite_FileLockedByAnotherProcess_Is503Fast_HealthDegraded_AndRecovers()
    {
        await using var server = await HangarTestServer.StartAsync(DatabaseKind.Sqlite, new Dictionary<string, string?> { ["Database:SqliteBusyTimeoutSeconds"] = "1" }, Cancel);
        var key = server.Bootstrap!.ApiKey;
        await AssertServesAsync(server, key);

        // The sqlite3 shell takes the write lock and keeps it while its transaction is open.
        using var holder = Process.Start(new ProcessStartInfo("sqlite3", [Path.Combine(server.DataDirectory, "hangar.db")])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        // The shell waits out a write the server is making (its busy timeout is 0 by default: BEGIN IMMEDIATE would fail
        // with "database is locked", print nothing on stdout, and the read below would wait forever).
        await holder.StandardInput.WriteLineAsync(".timeout 30000");
        await holder.StandardInput.WriteLineAsync("BEGIN IMMEDIATE; SELECT 'locked';");
        await holder.StandardInput.FlushAsync(Cancel);
        Assert.Equal("locked", await holder.StandardOutput.ReadLineAsync(Cancel).AsTask().WaitAsync(TimeSpan.FromSeconds(60), Cancel));

        await AssertUnavailableAsync(server, key);

        await holder.StandardInput.WriteLineAsync("ROLLBACK;");
        await holder.StandardInput.WriteLineAsync(".quit");
        await holder.WaitForExitAsync(Cancel);
        await AssertServesAsync(server, key);
    }

    [Fact]
    public async Task Postgres_ServerStopped_Is503Fast_HealthDegraded_AndRecoversWhenItIsBack()
    {
        // A cluster of this test's own: the shared one serves every other test.
        await using var cluster = await PostgresCluster.StartPrivateAsync(Cancel);
        var settings = new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = await cluster.CreateDatabaseAsync(Cancel),
            ["Observability:ScrapeToken"] = MetricsServer.ScrapeToken,
        };
        await using var server = await HangarTestServer.StartAsync(DatabaseKind.Postgres, settings, Cancel);
        var key = server.Bootstrap!.ApiKey;
        await AssertServesAsync(server, key);

        await cluster.StopServerAsync(Cancel);
        await AssertUnavailableAsync(server, key);
        // The metrics say so too, from memory: the scrape itself needs no database.
        var exposition = await Exposition.ScrapeAsync(server, Cancel);
        Assert.Equal(0, exposition.Value("hangar_database_available"));
        Assert.True(exposition.Value("hangar_database_command_failures_total", "kind=\"unavailable\"") >= 1);

        await cluster.StartServerAgainAsync(Cancel);
        await AssertServesAsync(server, key);
    }

    private static async Task AssertUnavailableAsync(HangarTestServer server, string key)
    {
        using var http = server.CreateHttpClient(key);
        var watch = Stopwatch.StartNew();
        using var response = await http.PostAsync("api/v1/api_keys", Api.Json("""{"name":"during the outage","role":"viewer"}"""), Cancel);
        Assert.True(watch.Elapsed < Fast, $"answered after {watch.Elapsed}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(ErrorCodes.DatabaseUnavailable, (await response.ProblemAsync()).Code);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);

        using var anonymous = server.CreateHttpClient(null);
        using var health = await anonymous.GetAsync("healthz", Cancel);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        var checks = await HealthAsync(health);
        Assert.Equal(("unhealthy", "unavailable"), (checks.GetProperty("status").GetString(), checks.GetProperty("checks").GetProperty("database").GetString()));
        var database = checks.GetProperty("components").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "database");
        Assert.Equal("unhealthy", database.GetProperty("status").GetString());
        Assert.Contains("unavailable", database.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    /// <summary>Writes and health work, within a bound: the first requests after an outage may still find broken pooled connections.</summary>
    private static async Task AssertServesAsync(HangarTestServer server, string key)
    {
        using var http = server.CreateHttpClient(key);
        using var anonymous = server.CreateHttpClient(null);
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            using var created = await http.PostAsync("api/v1/api_keys", Api.Json("""{"name":"served","role":"viewer"}"""), Cancel);
            using var health = await anonymous.GetAsync("healthz", Cancel);
            if (created.StatusCode == HttpStatusCode.Created && health.StatusCode == HttpStatusCode.OK)
            {
                Assert.Equal("ok", (await HealthAsync(health)).GetProperty("status").GetString());
                return;
            }

            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30), $"not serving again: {(int)created.StatusCode}, health {(int)health.StatusCode}");
            await Task.Delay(200, Cancel);
        }
    }

    private static async Task<JsonElement> HealthAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.Clone();
}
