using Hangar.Data.Telemetry;
using Microsoft.Data.Sqlite;

namespace Hangar.Data.Sqlite;

/// <summary>
/// Telemetry on SQLite: a batch is one transaction with the insert prepared once and its parameters rebound per
/// point (SQLite's fast path: one journal write per batch, no SQL parsed per row).
/// </summary>
/// <param name="connectionString">The server's database (its pragmas and path already applied).</param>
public sealed class SqliteTelemetryStatements(string connectionString) : ITelemetryStatements
{
    private const string InsertPoint = "INSERT INTO telemetry_points (series_id, time, value, received_at) VALUES ($series, $time, $value, $received)";

    public async Task WriteAsync(IReadOnlyList<TelemetryPointRow> points, IReadOnlyList<HeartbeatRow> heartbeats, long receivedAt, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        // Deferred would take the write lock only at the first insert and could then fail with SQLITE_BUSY without waiting.
        await using var transaction = connection.BeginTransaction(deferred: false);
        if (points.Count > 0)
        {
            await using var insert = connection.CreateCommand();
            insert.CommandText = InsertPoint;
            var series = insert.Parameters.Add("$series", SqliteType.Integer);
            var time = insert.Parameters.Add("$time", SqliteType.Integer);
            var value = insert.Parameters.Add("$value", SqliteType.Real);
            insert.Parameters.AddWithValue("$received", receivedAt);
            insert.Prepare();
            foreach (var point in points)
            {
                series.Value = point.SeriesId;
                time.Value = point.Time;
                value.Value = point.Value;
                insert.ExecuteNonQuery();
            }
        }

        if (heartbeats.Count > 0)
        {
            await using var upsert = connection.CreateCommand();
            upsert.CommandText = RollupSql.HeartbeatUpsert("$device", "$organization", "$time", "$received", "$document");
            var device = upsert.Parameters.Add("$device", SqliteType.Text);
            var organization = upsert.Parameters.Add("$organization", SqliteType.Text);
            var time = upsert.Parameters.Add("$time", SqliteType.Text);
            upsert.Parameters.AddWithValue("$received", DateTime.UnixEpoch.AddMilliseconds(receivedAt));
            var document = upsert.Parameters.Add("$document", SqliteType.Text);
            foreach (var heartbeat in heartbeats)
            {
                // Bound as EF Core stores them: GUIDs as upper-case text, times as ISO text.
                device.Value = heartbeat.DeviceId.ToString().ToUpperInvariant();
                organization.Value = heartbeat.OrganizationId.ToString().ToUpperInvariant();
                time.Value = heartbeat.Time;
                document.Value = heartbeat.Document;
                upsert.ExecuteNonQuery();
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<int> RollUpAsync(int resolutionSeconds, long receivedFrom, long receivedTo, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = RollupSql.Upsert("$ms", "$resolution", "$from", "$to");
        command.Parameters.AddWithValue("$ms", resolutionSeconds * 1000L);
        command.Parameters.AddWithValue("$resolution", resolutionSeconds);
        command.Parameters.AddWithValue("$from", receivedFrom);
        command.Parameters.AddWithValue("$to", receivedTo);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
