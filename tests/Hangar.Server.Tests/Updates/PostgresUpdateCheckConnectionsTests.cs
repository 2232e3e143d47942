using Hangar.Data.Postgres;
using Hangar.Server.Tests.Fixtures;
using Hangar.Testing;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Hangar.Server.Tests.Updates;

/// <summary>On PostgreSQL, concurrent update checks share the few multiplexed connections <c>Updates:PostgresConnections</c> allows.</summary>
public sealed class PostgresUpdateCheckConnectionsTests(PostgresUpdateCheckConnectionsTests.TwoConnectionsServer fixture)
    : IClassFixture<PostgresUpdateCheckConnectionsTests.TwoConnectionsServer>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ConcurrentChecks_ShareAtMostTheConfiguredConnections()
    {
        var fleet = await UpdateFleet.CreateAsync(fixture);
        var first = await fleet.ReleaseAsync("r1", await fleet.BundleAsync());
        var latest = await fleet.ReleaseAsync("r2", await fleet.BundleAsync());
        var devices = new List<FleetDevice>();
        for (var i = 0; i < 8; i++)
        {
            devices.Add(await fleet.DeviceAsync($"gw-{i}"));
        }

        try
        {
            // 8 devices × 6 checks in flight at once, twice over: far more concurrent queries than connections.
            for (var round = 0; round < 2; round++)
            {
                var answers = await Task.WhenAll(devices.SelectMany(device => Enumerable.Range(0, 6).Select(_ => UpdateFleet.CheckAsync(device, release: first.Id.ToString()))));
                Assert.All(answers, answer => Assert.Equal(latest.Id, answer.Release!.Id));
            }

            await using var connection = new NpgsqlConnection(fixture.Server.Settings["Database:ConnectionString"]);
            await connection.OpenAsync(Cancel);
            await using var count = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = @name", connection);
            count.Parameters.AddWithValue("name", PostgresProviderQueries.ApplicationName);
            var connections = (long)(await count.ExecuteScalarAsync(Cancel))!;
            Assert.InRange(connections, 1, 2);
        }
        finally
        {
            devices.ForEach(device => device.Dispose());
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("101")]
    public async Task Start_WithConnectionsOutOfRange_FailsNamingTheSetting(string value)
    {
        var directory = Directory.CreateTempSubdirectory("hangar-update-connections-").FullName;
        try
        {
            var error = await Assert.ThrowsAsync<OptionsValidationException>(() => HangarTestServer.StartAsync(DatabaseKind.Sqlite, new Dictionary<string, string?>
            {
                ["Server:DataDirectory"] = directory,
                ["Updates:PostgresConnections"] = value,
            }, Cancel));

            Assert.Contains("PostgresConnections", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    public sealed class TwoConnectionsServer() : ClockServer(DatabaseKind.Postgres)
    {
        protected override IReadOnlyDictionary<string, string?> Settings(Dictionary<string, string?> defaults) =>
            new Dictionary<string, string?>(defaults) { ["Updates:PostgresConnections"] = "2" };
    }
}
