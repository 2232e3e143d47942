using System.Net;
using Hangar.Data;
using Hangar.Server.Tests.Fixtures;
using Hangar.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Hangar.Server.Tests.Hosting;

/// <summary>First start, restart and shutdown, each on a server of its own.</summary>
public abstract class LifecycleTests(DatabaseKind database)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FirstStart_PrintsCredentialsOnce_AndARestartPrintsNothing()
    {
        var directory = Directory.CreateTempSubdirectory("hangar-restart-").FullName;
        try
        {
            IReadOnlyDictionary<string, string?> settings;
            string apiKey;
            await using (var first = await HangarTestServer.StartAsync(database, new Dictionary<string, string?> { ["Server:DataDirectory"] = directory }, Cancel))
            {
                Assert.NotNull(first.Bootstrap);
                Assert.Equal("owner@hangar.local", first.Bootstrap.OwnerEmail);
                Assert.True(first.Bootstrap.OwnerPassword.Length >= 20);
                apiKey = first.Bootstrap.ApiKey;
                settings = first.Settings;
                Assert.True(File.Exists(Path.Combine(directory, "tls", "server-ca.crt")));
            }

            await using var second = await HangarTestServer.StartAsync(database, settings, Cancel);
            Assert.Null(second.Bootstrap);
            Assert.Equal("", second.BootstrapOutput);
            // Same database, same key: the installation survived the restart.
            Assert.Equal("owner", (await second.CreateClient(apiKey).Users.MeAsync(Cancel)).Role);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Shutdown_LetsAnInFlightRequestFinish()
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var server = await HangarTestServer.StartAsync(database, settings: null,
            services => services.AddSingleton<IStartupFilter>(new RequestArrivalFilter("/api/v1/api_keys", arrived)), Cancel);
        var stoppingBegun = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(stoppingBegun.SetResult);
        using var http = server.CreateHttpClient(server.Bootstrap!.ApiKey);

        // Hold the database's write lock so the create is genuinely in flight when shutdown begins.
        await using var scope = server.Services.CreateAsyncScope();
        var blocker = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
        await using var transaction = await blocker.Database.BeginTransactionAsync(Cancel);
        if (database == DatabaseKind.Postgres)
        {
            await blocker.Database.ExecuteSqlRawAsync("LOCK TABLE api_keys IN EXCLUSIVE MODE", Cancel);
        }

        var request = http.PostAsync("api/v1/api_keys", Api.Json("""{"name":"in flight","role":"viewer"}"""), Cancel);
        await arrived.Task.WaitAsync(Cancel);
        var stopping = server.DisposeAsync().AsTask();
        await stoppingBegun.Task.WaitAsync(Cancel);
        Assert.False(request.IsCompleted, "the request finished before the lock was released");
        Assert.False(stopping.IsCompleted, "the server stopped with a request in flight");

        await transaction.RollbackAsync(Cancel);
        using var response = await request;
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await stopping;
    }

    public sealed class OnSqlite() : LifecycleTests(DatabaseKind.Sqlite)
    {
        [Fact]
        public async Task Sqlite_RunsInWalWithFullSyncAndForeignKeys()
        {
            await using var server = await HangarTestServer.StartAsync(DatabaseKind.Sqlite, cancellationToken: Cancel);
            await using var scope = server.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
            await db.Database.OpenConnectionAsync(Cancel);
            var connection = db.Database.GetDbConnection();

            Assert.Equal("wal", await PragmaAsync(connection, "journal_mode"));
            Assert.Equal("2", await PragmaAsync(connection, "synchronous"));
            Assert.Equal("1", await PragmaAsync(connection, "foreign_keys"));
            // Database:SqliteBusyTimeoutSeconds: a request waits this long for a lock, then answers 503.
            Assert.Equal("5000", await PragmaAsync(connection, "busy_timeout"));
        }

        private static async Task<string?> PragmaAsync(System.Data.Common.DbConnection connection, string name)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA {name};";
            return Convert.ToString(await command.ExecuteScalarAsync(Cancel), System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    public sealed class OnPostgres() : LifecycleTests(DatabaseKind.Postgres)
    {
        [Fact]
        public async Task Stop_ClosesEveryConnectionTheServerOpened()
        {
            string connectionString;
            await using (var server = await HangarTestServer.StartAsync(DatabaseKind.Postgres, cancellationToken: Cancel))
            {
                connectionString = server.Settings["Database:ConnectionString"]!;
                var client = server.CreateClient(server.Bootstrap!.ApiKey);
                // Requests in parallel, so the server's pool holds several connections when it stops.
                await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.Users.MeAsync(Cancel)));
                Assert.True(await ConnectionsToAsync(connectionString) > 0);
            }

            // A server embedded in a longer-lived process (hundreds of them in a test run) must not leave idle
            // connections behind for Npgsql's process-wide pool to prune minutes later: max_connections runs out.
            var waited = System.Diagnostics.Stopwatch.StartNew();
            long left;
            while ((left = await ConnectionsToAsync(connectionString)) > 0 && waited.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(100, Cancel);
            }

            Assert.Equal(0, left);
        }

        private static async Task<long> ConnectionsToAsync(string connectionString)
        {
            // Not pooled: the probe's own connection would otherwise be one the next probe counts.
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
            await connection.OpenAsync(Cancel);
            await using var count = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", connection);
            return (long)(await count.ExecuteScalarAsync(Cancel))!;
        }
    }
}
