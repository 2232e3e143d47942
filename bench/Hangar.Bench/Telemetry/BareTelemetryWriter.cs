using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Hangar.Bench.Telemetry;

/// <summary>
/// The baseline: the same rows (the server's series, a point's time and value) inserted into the server's own
/// <c>telemetry_points</c> table with the server's connection settings, by nothing but a prepared INSERT rebound per
/// row, one transaction per batch — what SQLite allows on this disk, without HTTP, TLS, JSON, validation or a queue.
/// </summary>
internal static class BareTelemetryWriter
{
    /// <summary>Rows per second, and this process's CPU per row in µs.</summary>
    public static async Task<(double PerSecond, double CpuMicroseconds)> MeasureAsync(string databasePath, long rows, int batchRows, long now)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, ForeignKeys = true, Pooling = true }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var series = new List<long>();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT id FROM telemetry_series";
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                series.Add(reader.GetInt64(0));
            }
        }

        var (clock, cpu) = (Stopwatch.StartNew(), CpuClock.Self());
        for (long written = 0; written < rows;)
        {
            await using var transaction = connection.BeginTransaction(deferred: false);
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO telemetry_points (series_id, time, value, received_at) VALUES ($series, $time, $value, $received)";
            var seriesId = insert.Parameters.Add("$series", SqliteType.Integer);
            var time = insert.Parameters.Add("$time", SqliteType.Integer);
            var value = insert.Parameters.Add("$value", SqliteType.Real);
            insert.Parameters.AddWithValue("$received", now);
            insert.Prepare();
            for (var i = 0; i < batchRows && written < rows; i++, written++)
            {
                seriesId.Value = series[(int)(written % series.Count)];
                time.Value = now - 250_000 + (written / series.Count % 250 * 1000);
                value.Value = written % 1000 / 10.0;
                insert.ExecuteNonQuery();
            }

            await transaction.CommitAsync();
        }

        return (rows / clock.Elapsed.TotalSeconds, (CpuClock.Self() - cpu).TotalMicroseconds / rows);
    }
}
