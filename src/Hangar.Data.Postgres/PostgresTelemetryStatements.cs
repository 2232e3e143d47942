using Hangar.Data.Telemetry;
using Npgsql;
using NpgsqlTypes;

namespace Hangar.Data.Postgres;

/// <summary>
/// Telemetry on PostgreSQL: points go in by binary <c>COPY</c> (Npgsql's BeginBinaryImport), with the heartbeats'
/// upsert in the same transaction. Its own pooled connections (COPY needs a connection of its own, not the
/// multiplexed ones of the update check).
/// </summary>
/// <param name="connectionString">The server's database.</param>
public sealed class PostgresTelemetryStatements(string connectionString) : ITelemetryStatements, IAsyncDisposable
{
    /// <summary>How the connections show in <c>pg_stat_activity</c>.</summary>
    public const string ApplicationName = "hangar-telemetry";

    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(
        new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = ApplicationName, MaxPoolSize = 4 });

    public async Task WriteAsync(IReadOnlyList<TelemetryPointRow> points, IReadOnlyList<HeartbeatRow> heartbeats, long receivedAt, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (points.Count > 0)
        {
            await using var import = await connection.BeginBinaryImportAsync(
                "COPY telemetry_points (series_id, time, value, received_at) FROM STDIN (FORMAT BINARY)", cancellationToken);
            foreach (var point in points)
            {
                await import.StartRowAsync(cancellationToken);
                await import.WriteAsync(point.SeriesId, NpgsqlDbType.Bigint, cancellationToken);
                await import.WriteAsync(point.Time, NpgsqlDbType.Bigint, cancellationToken);
                await import.WriteAsync(point.Value, NpgsqlDbType.Double, cancellationToken);
                await import.WriteAsync(receivedAt, NpgsqlDbType.Bigint, cancellationToken);
            }

            await import.CompleteAsync(cancellationToken);
        }

        if (heartbeats.Count > 0)
        {
            await using var batch = new NpgsqlBatch(connection, transaction);
            var received = DateTime.UnixEpoch.AddMilliseconds(receivedAt);
            foreach (var heartbeat in heartbeats)
            {
                var command = new NpgsqlBatchCommand(RollupSql.HeartbeatUpsert("$1", "$2", "$3", "$4", "$5"));
                command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = heartbeat.DeviceId });
                command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = heartbeat.OrganizationId });
                command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = heartbeat.Time });
                command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = received });
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = heartbeat.Document });
                batch.BatchCommands.Add(command);
            }

            await batch.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<int> RollUpAsync(int resolutionSeconds, long receivedFrom, long receivedTo, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(RollupSql.Upsert("$1", "$2", "$3", "$4"));
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = resolutionSeconds * 1000L });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = resolutionSeconds });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = receivedFrom });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = receivedTo });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
