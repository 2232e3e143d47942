using System.Data;
using Hangar.Data.Queries;
using Npgsql;
using NpgsqlTypes;

namespace Hangar.Data.Postgres;

/// <summary>
/// Hangar's hand-written statements on PostgreSQL. The device snapshot query has connections of its own, in Npgsql's
/// multiplexing mode: concurrent checks share
/// a few connections and their queries go out in batches, instead of each check taking a pooled connection for one
/// round trip (EF Core's pool also resets each connection's session when it is returned, six statements sent with the
/// next query, which cost the server more than the snapshot query itself). The query is prepared automatically on
/// each connection after its second use. Multiplexing suits this read only: it runs no transactions and leaves no
/// session state. The connections are few (<c>Updates:PostgresConnections</c>): with one per
/// concurrent check there is nothing to batch. Measured in docs/performance.md (update checks on PostgreSQL: 30 % of
/// the ping with pooled connections and an explicit prepare, 41 % multiplexed on up to 100 connections).
/// </summary>
/// <param name="connectionString">The server's database.</param>
/// <param name="snapshotConnections">How many connections the snapshot query shares.</param>
public sealed class PostgresProviderQueries(string connectionString, int snapshotConnections) : IProviderQueries, IAsyncDisposable
{
    /// <summary>With positional parameters, which spare Npgsql rewriting named ones in the SQL on every execution.</summary>
    public static readonly string SnapshotSql = DeviceSnapshot.Sql(column => $"string_agg({column}::text, chr(10))", "$1", "$2");

    /// <summary>How the connections show in <c>pg_stat_activity</c>.</summary>
    public const string ApplicationName = "hangar-update-checks";

    // Made on first use: a server that checks no device opens none.
    private readonly Lazy<NpgsqlDataSource> _dataSource = new(() => NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString)
    {
        ApplicationName = ApplicationName,
        NoResetOnClose = true,
        Multiplexing = true,
        MaxPoolSize = snapshotConnections,
        MaxAutoPrepare = 4,
        AutoPrepareMinUsages = 2,
    }));

    public async ValueTask<DeviceSnapshot?> FindDeviceSnapshotAsync(Guid organizationId, Guid deviceId, CancellationToken cancellationToken)
    {
        // A data source's own command: in multiplexing mode it needs no connection object of its own.
        await using var command = _dataSource.Value.CreateCommand(SnapshotSql);
        command.Parameters.Add(new NpgsqlParameter<Guid> { NpgsqlDbType = NpgsqlDbType.Uuid, TypedValue = deviceId });
        command.Parameters.Add(new NpgsqlParameter<Guid> { NpgsqlDbType = NpgsqlDbType.Uuid, TypedValue = organizationId });
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? DeviceSnapshot.Read(reader) : null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_dataSource.IsValueCreated)
        {
            await _dataSource.Value.DisposeAsync();
        }
    }
}
