using System.Collections.Concurrent;
using Hangar.Server.Hosting;
using Hangar.Server.Hosting.Cluster;
using Hangar.Server.Hosting.Database;
using Hangar.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Hangar.Server.Tests.Hosting;

/// <summary>
/// The change signal between nodes on PostgreSQL (LISTEN/NOTIFY), with two signals on one database standing for two
/// nodes: changes arrive, a node does not hear itself twice, and a listening connection that is cut is re-opened
/// with every subscriber told to forget everything, after which changes arrive again.
/// </summary>
public sealed class ClusterSignalTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly List<PostgresClusterSignal> _nodes = [];
    private string _connectionString = "";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _connectionString = await (await SharedPostgres.GetAsync(Cancel)).CreateDatabaseAsync(Cancel);

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.StopAsync(CancellationToken.None);
            node.Dispose();
        }
    }

    [Fact]
    public async Task AnotherNodesChange_Arrives_AndANodeRunsItsOwnSubscribersOnce()
    {
        var (a, heardOnA) = await ListeningNodeAsync();
        var (b, heardOnB) = await ListeningNodeAsync();

        await b.PublishAsync("devices", "one", Cancel);

        Assert.Equal("one", await heardOnA.NextAsync());
        Assert.Equal("one", await heardOnB.NextAsync());
        await a.PublishAsync("devices", "two", Cancel);
        Assert.Equal("two", await heardOnA.NextAsync());
        Assert.Equal("two", await heardOnB.NextAsync());
        // Give an echo of its own "two" time to come back to a: it must not.
        await b.PublishAsync("devices", "three", Cancel);
        Assert.Equal("three", await heardOnA.NextAsync());
    }

    [Fact]
    public async Task ListeningConnectionTerminated_ReconnectsWithAFullFlush_AndHearsChangesAgain()
    {
        var (_, heardOnA) = await ListeningNodeAsync();
        var (b, _) = await ListeningNodeAsync();

        await using (var connection = new NpgsqlConnection(_connectionString))
        {
            await connection.OpenAsync(Cancel);
            await using var terminate = new NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1", connection);
            terminate.Parameters.Add(new NpgsqlParameter<string> { TypedValue = PostgresClusterSignal.ListenerApplicationName });
            Assert.Equal(2L, await terminate.ExecuteScalarAsync(Cancel));
        }

        // Whatever was sent while it was cut off is lost, so it forgets everything once it listens again...
        Assert.Null(await heardOnA.NextAsync());
        // ...and hears what comes after.
        await b.PublishAsync("devices", "after", Cancel);
        Assert.Equal("after", await heardOnA.NextAsync());
    }

    /// <summary>A node (a signal of its own, as a server process has) whose subscriber has heard its first full flush: it listens.</summary>
    private async Task<(PostgresClusterSignal Signal, Heard Heard)> ListeningNodeAsync()
    {
        var connection = new DatabaseConnection(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = _connectionString }, new ServerOptions());
        var signal = new PostgresClusterSignal(connection, new ClusterSubscriptions(NullLogger<ClusterSubscriptions>.Instance), TimeProvider.System,
            NullLogger<PostgresClusterSignal>.Instance);
        _nodes.Add(signal);
        var heard = new Heard();
        signal.Subscribe("devices", heard.Add);
        await signal.StartAsync(Cancel);
        Assert.Null(await heard.NextAsync());
        return (signal, heard);
    }

    private sealed class Heard
    {
        private readonly BlockingCollection<string?> _keys = [];

        public void Add(string? key) => _keys.Add(key);

        public Task<string?> NextAsync() => Task.Run(() =>
        {
            Assert.True(_keys.TryTake(out var key, (int)Patience.TotalMilliseconds, Cancel), "nothing arrived");
            return key;
        }, Cancel);
    }
}
