using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Hangar.Bench.Telemetry;

/// <summary>
/// The baseline: the same rows (the server's series, a point's time and value) inserted into the server's own
/// <c>telemetry_points</c> table with the server's connection settings, by nothing but a prepared INSERT rebound per
/// row, one transaction per batch — what SQLite allows on this disk, without HTTP, TLS, JSON, validation or a queue.
/// Rows go in the order the server writes them: a device's batch at a time (its 20 series, time by time), devices in
/// turn, each device's times moving forward batch after batch (<see cref="BatchBodies"/>). (Until 2026-12-06 the rows cycled through all 800 series one row each, so every insert landed on another
/// page of the <c>(series_id, time)</c> index and the baseline cost more CPU per row than the whole server.)
/// </summary>
internal static class BareTelemetryWriter
{
    /// <summary>Rows per second, and this process's CPU per row in µs.</summary>
    public static async Task<(double PerSecond, double CpuMicroseconds)> MeasureAsync(string databasePath, long rows, int batchRows, int pointsPerDeviceBatch, long now)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, ForeignKeys = true, Pooling = true }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var devices = await SeriesByDeviceAsync(connection);
        var namesPerDevice = devices[0].Count;

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
                var (deviceBatch, point) = (written / pointsPerDeviceBatch, (int)(written % pointsPerDeviceBatch));
                seriesId.Value = devices[(int)(deviceBatch % devices.Count)][point % namesPerDevice];
                // Each device batch after the device's previous one, 100 ms per instant, as the driver's batches are.
                var deviceRound = deviceBatch / devices.Count;
                time.Value = now + (deviceRound * (pointsPerDeviceBatch / namesPerDevice) + point / namesPerDevice) * (long)BatchBodies.Spacing.TotalMilliseconds;
                value.Value = written % 1000 / 10.0;
                insert.ExecuteNonQuery();
            }

            await transaction.CommitAsync();
        }

        return (rows / clock.Elapsed.TotalSeconds, (CpuClock.Self() - cpu).TotalMicroseconds / rows);
    }

    /// <summary>Each device's series ids, devices and their series in creation order.</summary>
    private static async Task<List<List<long>>> SeriesByDeviceAsync(SqliteConnection connection)
    {
        var devices = new List<List<long>>();
        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT device_id, id FROM telemetry_series ORDER BY device_id, id";
        await using var reader = await read.ExecuteReaderAsync();
        object? device = null;
        while (await reader.ReadAsync())
        {
            if (!Equals(reader.GetValue(0), device))
            {
                device = reader.GetValue(0);
                devices.Add([]);
            }

            devices[^1].Add(reader.GetInt64(1));
        }

        return devices;
    }
}
